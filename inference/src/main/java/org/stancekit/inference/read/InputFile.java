package org.stancekit.inference.read;

import java.nio.file.Path;

/**
 * One file {@link ArticleReader} reads for an input, or a path under a folder that it cannot
 * read, with why (a broken link, a socket, a folder it cannot list).
 *
 * @param path the file
 * @param problem why it cannot be read, as {@code errors.csv} gives it; null for a file to read
 */
public record InputFile(Path path, String problem) {

    /** True for a file to read. */
    public boolean readable() {
        return problem == null;
    }
}
