package org.stancekit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a sentence into word tokens. Words keep inner hyphens and apostrophes ("nine-mile-long",
 * "don't"); the possessive "'s" becomes a token of its own so that "Ukraine's" yields "ukraine";
 * numbers become {@code <num>}; "!", "?" and quotation marks are kept because they carry stance
 * (exclamations, scare quotes, reported speech). Input is normalised first.
 *
 * <p>Tokens are what the regular expression
 * <pre>\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[!?"]</pre>
 * finds, left to right: a number (digits with inner "." or ","), else a word (letters and digits
 * with inner "'" or "-"), else one of {@code ! ? "}. A hand-written scanner does the matching,
 * because the regular expression engine was a fifth of the cost of scoring a sentence; a test
 * checks the scanner against the expression on every code point and on generated text.
 */
public final class Tokenizer {

    /** The feature form of every number. */
    public static final String NUMBER = "<num>";

    /** The form (and surface) of the possessive split off "Ukraine's". */
    private static final String POSSESSIVE = "'s";

    /** Receives a sentence's tokens in order, as {@link #scan} finds them. */
    public interface Sink {
        /**
         * One token: its feature form, valid only during the call (the scanner reuses the
         * buffer), and where its surface lies in the normalised {@code text}.
         */
        void token(CharSequence form, String text, int start, int end);
    }

    /**
     * A sentence's tokens and where they lie: a carrier, compared by identity of its span arrays.
     *
     * @param text the sentence normalised ({@link Normalizer#normalize}), which the spans index
     * @param tokens the tokens in order
     * @param spans per token, its {@code {start, end}} in {@code text}
     */
    public record Located(String text, List<Token> tokens, List<int[]> spans) {
    }

    /** Tokenises {@code sentence}. */
    public List<Token> tokenize(String sentence) {
        return locate(sentence).tokens();
    }

    /** Tokenises {@code sentence} and says where each token lies in its normalised text. */
    public Located locate(String sentence) {
        List<Token> tokens = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        String text = scan(sentence, new StringBuilder(), (form, normalised, start, end) -> {
            // The possessive's surface is always "'s", whatever its case as written.
            tokens.add(new Token(form == POSSESSIVE ? POSSESSIVE : normalised.substring(start, end), form.toString()));
            spans.add(new int[] {start, end});
        });
        return new Located(text, tokens, spans);
    }

    /**
     * Finds the tokens of {@code sentence}, exactly those of {@link #tokenize}, and hands each
     * form to {@code sink} as text in {@code buffer} instead of as a string: scoring looks each
     * form up once and keeps only its number, and making a string, a lower-case copy and a
     * {@link Token} per token was a third of what the encoder allocated.
     *
     * @return the normalised sentence, which the sink's spans index
     */
    public String scan(String sentence, StringBuilder buffer, Sink sink) {
        String text = Normalizer.normalize(sentence);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int end;
            if (isNumber(cp)) {
                end = numberEnd(text, i);
            } else if (isLetter(cp)) {
                end = wordEnd(text, i);
            } else if (cp == '!' || cp == '?' || cp == '"') {
                end = i + 1;
            } else {
                // Like the expression engine, step one char (not one code point) past a non-match.
                i++;
                continue;
            }
            word(text, i, end, buffer, sink);
            i = end;
        }
        return text;
    }

    /** The token or tokens of the word at {@code [start, end)}: numbers, possessives, the rest. */
    private static void word(String text, int start, int end, StringBuilder buffer, Sink sink) {
        buffer.setLength(0);
        if (Character.isDigit(text.charAt(start)) && isNumeral(text, start, end)) {
            sink.token(NUMBER, text, start, end);
        } else if (end - start > 2 && text.charAt(end - 2) == '\'' && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            sink.token(form(text, start, end - 2, buffer), text, start, end - 2);
            sink.token(POSSESSIVE, text, end - 2, end);
        } else {
            sink.token(form(text, start, end, buffer), text, start, end);
        }
    }

    /** {@code \p{N}+(?:[.,]\p{N}+)*}, greedy, from a number at {@code i}. */
    private static int numberEnd(String s, int i) {
        int end = run(s, i, true);
        while (end + 1 < s.length() && (s.charAt(end) == '.' || s.charAt(end) == ',') && isNumber(s.codePointAt(end + 1))) {
            end = run(s, end + 1, true);
        }
        return end;
    }

    /** {@code [\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*}, greedy, from a letter at {@code i}. */
    private static int wordEnd(String s, int i) {
        int end = run(s, i, false);
        while (end + 1 < s.length() && (s.charAt(end) == '\'' || s.charAt(end) == '-')
                && isLetterOrNumber(s.codePointAt(end + 1))) {
            end = run(s, end + 1, false);
        }
        return end;
    }

    /** End of the run of numbers (or of letters and numbers) that starts at {@code i}. */
    private static int run(String s, int i, boolean numbersOnly) {
        int end = i;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            if (numbersOnly ? !isNumber(cp) : !isLetterOrNumber(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    /** Only digits, "." and ",", char by char. */
    private static boolean isNumeral(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the form of {@code [start, end)} to {@code buffer}: as written for an all-capital
     * acronym, else {@code toLowerCase(Locale.ROOT)}, done in place for ASCII (nearly every word)
     * and by the JDK otherwise, whose rules for other scripts (final sigma, dotted I) it keeps.
     */
    private static StringBuilder form(String text, int start, int end, StringBuilder buffer) {
        boolean acronym = end - start >= 2;
        boolean ascii = true;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            acronym &= Character.isUpperCase(c) || Character.isDigit(c);
            ascii &= c < 0x80;
        }
        if (acronym) {
            return buffer.append(text, start, end);
        }
        if (!ascii) {
            return buffer.append(text.substring(start, end).toLowerCase(Locale.ROOT));
        }
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            buffer.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return buffer;
    }

    /** {@code \p{N}}: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@code \p{L}}: upper, lower, title case, modifier and other letters. */
    private static boolean isLetter(int cp) {
        int type = Character.getType(cp);
        return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER || type == Character.TITLECASE_LETTER
                || type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER;
    }

    private static boolean isLetterOrNumber(int cp) {
        return isLetter(cp) || isNumber(cp);
    }
}
