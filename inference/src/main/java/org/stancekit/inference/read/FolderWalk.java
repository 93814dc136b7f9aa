package org.stancekit.inference.read;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.stancekit.runtime.Failures;

/**
 * The files under a folder, recursively and in name order, and everything under it that cannot
 * be read as a file: an unreadable subfolder, a symbolic link that loops or points nowhere, a FIFO,
 * socket or device. Those become entries with a problem, so the batch lists them in errors.csv and
 * goes on, instead of stopping or passing over them in silence. Symbolic links are followed (a
 * linked folder of articles is read); hidden files and folders (names starting with a dot) are
 * skipped, as a shell's {@code *} would.
 */
final class FolderWalk {

    /** A file to read ({@code problem} null) or a path that cannot be read, with why. */
    record Entry(Path path, String problem) {
        boolean readable() {
            return problem == null;
        }
    }

    private FolderWalk() {
    }

    /** Every entry under {@code folder}, sorted by path. */
    static List<Entry> list(Path folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (hidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    entries.add(new Entry(file, null));
                } else if (attrs.isSymbolicLink()) {
                    // Following the link failed, so the walk reports the link itself.
                    entries.add(new Entry(file, "broken symbolic link (its target does not exist)"));
                } else {
                    entries.add(new Entry(file, "not a regular file (a FIFO, socket or device); skipped"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!hidden(file)) {
                    entries.add(new Entry(file, e instanceof FileSystemLoopException
                            ? "symbolic link loop (the link leads back to a folder above it); skipped"
                            : "cannot read: " + Failures.reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null) {
                    entries.add(new Entry(dir, "cannot list the folder to its end: " + Failures.reason(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
