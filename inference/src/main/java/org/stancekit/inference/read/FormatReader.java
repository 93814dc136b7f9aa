package org.stancekit.inference.read;

import java.io.IOException;
import java.io.InputStream;

/** Reads the articles of one input in one format (already decompressed) into an {@link ArticleSink}. */
interface FormatReader {

    /**
     * Reads {@code in} to its end.
     *
     * @param location the file name (or {@code <stdin>}) that failures and articles are located by
     * @throws IOException when the stream itself fails (a truncated gzip file, a read error)
     */
    void read(InputStream in, String location, ArticleSink out) throws IOException;
}
