package org.stancekit.training;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Finds the line of the first place where a file stops being readable UTF-8 text: a byte
 * sequence that is not UTF-8, or damaged gzip data. The CSV reader meets such damage while
 * filling a buffer of several thousand characters ahead of the row it parses, so its own line
 * count says nothing about where the damage is; this reads the file again, counting lines up to
 * the damage, so that the message names the line to look at.
 */
final class TextDamage {

    /** Opens the file again, decompressing it as the reader did. */
    interface Source {
        InputStream open() throws IOException;
    }

    /**
     * Where the damage is.
     *
     * @param line its line, from 1; lines end as the CSV reader ends them ({@code \n}, {@code \r\n} or {@code \r})
     * @param reason what is wrong there
     */
    record Found(long line, String reason) {
    }

    private static final int BUFFER = 8192;

    private long line = 1;
    private boolean afterCarriageReturn;

    private TextDamage() {
    }

    /**
     * Reads {@code source} up to its first damage.
     *
     * @param otherwise the reason to give if a second reading finds nothing (the file changed)
     */
    static Found locate(Source source, String otherwise) throws IOException {
        return new TextDamage().scan(source, otherwise);
    }

    private Found scan(Source source, String otherwise) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input, as the reader's does
        try (InputStream in = source.open()) {
            ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
            CharBuffer chars = CharBuffer.allocate(BUFFER);
            boolean end = false;
            while (true) {
                bytes.compact();
                int read = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                count(chars);
                if (result.isError()) {
                    return new Found(line, String.format(Locale.ROOT, "not valid UTF-8 (byte 0x%02X)",
                            bytes.get(bytes.position()) & 0xFF));
                }
                if (end && result.isUnderflow()) {
                    return new Found(line, otherwise);
                }
            }
        } catch (ZipException | EOFException e) {
            return new Found(line, "damaged gzip data (" + e.getMessage() + ")");
        }
    }

    /** Counts the line ends among the characters decoded, and empties the buffer. */
    private void count(CharBuffer chars) {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
        chars.clear();
    }
}
