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

    /** Tokenises {@code sentence}. */
    public List<Token> tokenize(String sentence) {
        String text = Normalizer.normalize(sentence);
        List<Token> tokens = new ArrayList<>();
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
            add(text.substring(i, end), tokens);
            i = end;
        }
        return tokens;
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

    private static void add(String word, List<Token> tokens) {
        if (Character.isDigit(word.charAt(0)) && isNumeral(word)) {
            tokens.add(new Token(word, NUMBER));
        } else if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("'S"))) {
            String stem = word.substring(0, word.length() - 2);
            tokens.add(new Token(stem, form(stem)));
            tokens.add(new Token("'s", "'s"));
        } else {
            tokens.add(new Token(word, form(word)));
        }
    }

    /** Only digits, "." and ",", char by char. */
    private static boolean isNumeral(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    private static String form(String word) {
        boolean acronym = word.length() >= 2;
        for (int k = 0; acronym && k < word.length(); k++) {
            char c = word.charAt(k);
            acronym = Character.isUpperCase(c) || Character.isDigit(c);
        }
        return acronym ? word : word.toLowerCase(Locale.ROOT);
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
