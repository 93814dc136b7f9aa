package org.stancekit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into word tokens. Words keep inner hyphens and apostrophes ("nine-mile-long",
 * "don't"); the possessive "'s" becomes a token of its own so that "Ukraine's" yields "ukraine";
 * numbers become {@code <num>}; "!", "?" and quotation marks are kept because they carry stance
 * (exclamations, scare quotes, reported speech). Input is normalised first.
 */
public final class Tokenizer {

    /** The feature form of every number. */
    public static final String NUMBER = "<num>";

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,]\\p{N}+)*|[\\p{L}\\p{N}]+(?:['-][\\p{L}\\p{N}]+)*|[!?\"]");

    /** Tokenises {@code sentence}. */
    public List<Token> tokenize(String sentence) {
        String text = Normalizer.normalize(sentence);
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (Character.isDigit(word.charAt(0)) && word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')) {
                tokens.add(new Token(word, NUMBER));
            } else if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("'S"))) {
                String stem = word.substring(0, word.length() - 2);
                tokens.add(new Token(stem, form(stem)));
                tokens.add(new Token("'s", "'s"));
            } else {
                tokens.add(new Token(word, form(word)));
            }
        }
        return tokens;
    }

    private static String form(String word) {
        boolean acronym = word.length() >= 2 && word.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c));
        return acronym ? word : word.toLowerCase(Locale.ROOT);
    }
}
