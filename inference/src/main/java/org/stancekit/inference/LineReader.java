package org.stancekit.inference;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} (a line ends at {@code \n},
 * {@code \r\n} or {@code \r}) but never holds more than {@code maxChars} characters of one line:
 * a longer line is skipped to its end and reported, so one enormous line cannot exhaust memory.
 */
final class LineReader {

    /** Returned by {@link #next()} for a line longer than the limit (compare by identity). */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int end;
    private boolean skipLineFeed;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end. */
    String next() throws IOException {
        StringBuilder line = null;
        boolean tooLong = false;
        while (true) {
            if (pos == end && !fill()) {
                if (line == null && !tooLong) {
                    return null;
                }
                return tooLong ? TOO_LONG : line.toString();
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < end && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            int length = pos - start;
            if (!tooLong) {
                int held = line == null ? 0 : line.length();
                if (held + length > maxChars) {
                    tooLong = true;
                    line = null;
                } else if (pos < end && line == null) {
                    // The common case: the whole line is in the buffer; no builder needed.
                    String s = new String(buffer, start, length);
                    terminate();
                    return s;
                } else {
                    if (line == null) {
                        line = new StringBuilder(Math.max(16, length * 2));
                    }
                    line.append(buffer, start, length);
                }
            }
            if (pos < end) {
                terminate();
                return tooLong ? TOO_LONG : line.toString();
            }
        }
    }

    private void terminate() {
        skipLineFeed = buffer[pos] == '\r';
        pos++;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
