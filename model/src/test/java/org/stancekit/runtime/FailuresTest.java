package org.stancekit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void fileSystemFailuresNameTheFileAndTheReason() {
        // Java's own messages for these are the bare path: "/data/in.txt", nothing more.
        assertEquals("/data/in.txt: permission denied", Failures.describe(new AccessDeniedException("/data/in.txt")));
        assertEquals("/data/gone: no such file or folder", Failures.describe(new NoSuchFileException("/data/gone")));
        assertEquals("/data/loop: symbolic link loop", Failures.describe(new FileSystemLoopException("/data/loop")));
        assertEquals("/a -> /b: Read-only file system",
                Failures.describe(new FileSystemException("/a", "/b", "Read-only file system")));
        assertEquals("disk on fire", Failures.describe(new IOException("disk on fire")));
        assertEquals("IOException", Failures.reason(new IOException()));
    }

    @Test
    void aCommandEndingOnAnUnreadableFileReportsOneLineWithTheReason() {
        StringWriter err = new StringWriter();
        int code = Failures.report(new AccessDeniedException("/out/run"), new PrintWriter(err), false);
        assertEquals(ExitCodes.BAD_INPUT, code);
        assertEquals("stancekit: error: /out/run: permission denied", err.toString().strip());
        assertTrue(Failures.report(new IllegalStateException("bug"), new PrintWriter(new StringWriter()), false) == ExitCodes.INTERNAL);
    }
}
