package org.stancekit.inference.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records before any of it is decoded: lines for JSONL, RFC 4180
 * records (a quoted field may hold newlines) for CSV. Working on bytes is what keeps one bad
 * record from costing others: a byte that is not UTF-8, or a record far longer than any article,
 * fails that record alone, with the line it starts on, and the next record is read as usual.
 * This is exact because UTF-8 never uses the bytes of {@code "}, {@code ,}, {@code \r} or
 * {@code \n} inside a multi-byte character, whatever the surrounding bytes are.
 *
 * <p>At most {@code maxBytes} of one record are held; the rest of a longer record is read past
 * without being kept, so an unterminated quote over gigabytes costs no memory.
 */
final class RecordReader {

    /** How records end. */
    enum Mode {
        /** A record is a line, ended by {@code \n}, {@code \r\n} or {@code \r} (JSONL). */
        LINES,
        /** A record ends at a {@code \n} (or {@code \r\n}) outside a quoted field (RFC 4180 CSV). */
        CSV
    }

    /**
     * One record: its bytes without the line end ({@code null} when it was longer than the limit),
     * the line it starts on (from 1), whether it ended inside a quoted field at the end of input, and
     * whether text followed a closing quote ({@code "a"b}, which RFC 4180 does not allow: usually a
     * stray quote that swallowed the line ends, and the rows, up to the next quote).
     */
    record Record(byte[] bytes, long line, boolean unterminated, boolean textAfterQuote) {
        boolean tooLong() {
            return bytes == null;
        }

        boolean isEmpty() {
            return bytes != null && bytes.length == 0;
        }
    }

    /** CSV states: at a field's start, in an unquoted field, in a quoted one, just after a quote in one. */
    private enum Csv { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final InputStream in;
    private final Mode mode;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int end;
    private long line = 1;
    private boolean skipLineFeed;
    private boolean eof;

    RecordReader(InputStream in, Mode mode, int maxBytes) {
        this.in = in;
        this.mode = mode;
        this.maxBytes = maxBytes;
    }

    /** The next record, or {@code null} at the end of the input. */
    Record next() throws IOException {
        long first = line;
        byte[] held = new byte[64];
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        Csv state = Csv.FIELD_START;
        boolean textAfterQuote = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null;
                }
                boolean open = state == Csv.QUOTED;
                return new Record(tooLong ? null : trimCarriageReturn(held, length, open), first, open, textAfterQuote);
            }
            byte b = buffer[pos++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            boolean ends;
            if (mode == Mode.LINES) {
                ends = b == '\n' || b == '\r';
                skipLineFeed = b == '\r';
            } else {
                textAfterQuote |= state == Csv.QUOTE_IN_QUOTED && b != '"' && b != ',' && b != '\n' && b != '\r';
                state = step(state, b);
                ends = b == '\n' && state != Csv.QUOTED;
            }
            if (b == '\n' || (mode == Mode.LINES && b == '\r')) {
                line++;
            }
            if (ends) {
                return new Record(tooLong ? null : trimCarriageReturn(held, length, false), first, false, textAfterQuote);
            }
            if (!tooLong) {
                if (length == maxBytes) {
                    tooLong = true;
                    held = null;
                } else {
                    if (length == held.length) {
                        held = Arrays.copyOf(held, (int) Math.min(maxBytes, 2L * held.length));
                    }
                    held[length++] = b;
                }
            }
        }
    }

    /** RFC 4180: a quote opens a quoted field only at the field's start; inside one, two quotes are one. */
    private static Csv step(Csv state, byte b) {
        return switch (state) {
            case FIELD_START -> b == '"' ? Csv.QUOTED : b == ',' || b == '\n' ? Csv.FIELD_START : Csv.UNQUOTED;
            case UNQUOTED -> b == ',' || b == '\n' ? Csv.FIELD_START : Csv.UNQUOTED;
            case QUOTED -> b == '"' ? Csv.QUOTE_IN_QUOTED : Csv.QUOTED;
            case QUOTE_IN_QUOTED -> b == '"' ? Csv.QUOTED : b == ',' || b == '\n' ? Csv.FIELD_START : Csv.UNQUOTED;
        };
    }

    /** The record's bytes without the {@code \r} of a {@code \r\n} line end. */
    private static byte[] trimCarriageReturn(byte[] held, int length, boolean insideQuotes) {
        int n = !insideQuotes && length > 0 && held[length - 1] == '\r' ? length - 1 : length;
        return Arrays.copyOf(held, n);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
