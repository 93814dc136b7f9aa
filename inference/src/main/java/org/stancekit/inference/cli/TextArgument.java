package org.stancekit.inference.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The article of {@code score --text}: the argument itself, or standard input for {@code -}. */
final class TextArgument {

    /** The article id of the text (it appears in no output, but every article has one). */
    static final String ID = "text";
    static final String STDIN = "-";

    private TextArgument() {
    }

    /**
     * The text to score, at most {@code maxChars} characters.
     *
     * @throws IllegalArgumentException when it is too long, or standard input is not UTF-8
     */
    static String read(String argument, int maxChars, InputStream stdin) throws IOException {
        String text = argument;
        if (STDIN.equals(argument)) {
            // A UTF-8 character is at most four bytes: reading one more than that bound tells "too long" apart.
            long limit = Math.min(Integer.MAX_VALUE - 8L, 4L * maxChars + 1);
            byte[] bytes = stdin.readNBytes((int) limit);
            if (bytes.length == limit) {
                throw tooLong(maxChars);
            }
            try {
                // The decoder reports bad bytes instead of replacing them, as the file readers do.
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("standard input is not valid UTF-8 text");
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        if (text.length() > maxChars) {
            throw tooLong(maxChars);
        }
        return text;
    }

    private static IllegalArgumentException tooLong(int maxChars) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "the text is longer than --max-chars (%,d characters)", maxChars));
    }
}
