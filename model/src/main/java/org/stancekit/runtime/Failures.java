package org.stancekit.runtime;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns an exception that ends a command into a message and an exit code. Problems with the
 * user's input (bad files, bad options) get one clear line without a stack trace; anything else
 * is a bug and keeps its stack trace.
 */
public final class Failures {

    private Failures() {
    }

    /** Reports {@code e} on {@code err} and returns the exit code for it. */
    public static int report(Throwable e, PrintWriter err, boolean verbose) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
            err.println("stancekit: error: " + (cause instanceof IOException io ? describe(io) : cause.getMessage()));
            if (verbose) {
                cause.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("stancekit: internal error (please report it with the command you ran):");
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /**
     * An I/O failure as one line that names the file and says what is wrong with it. Java's
     * file-system exceptions carry only the path as their message (an unreadable file reads
     * "/data/a.txt", nothing more), so the reason is added here from the exception's type.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String files = fs.getOtherFile() == null ? fs.getFile() : fs.getFile() + " -> " + fs.getOtherFile();
            return files + ": " + reason(e);
        }
        return reason(e);
    }

    /** What is wrong, without the path: "permission denied", "no such file or folder", or the exception's own reason. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
