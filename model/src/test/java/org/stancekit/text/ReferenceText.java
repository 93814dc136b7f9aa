package org.stancekit.text;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression implementations of {@link Normalizer#normalize} and
 * {@link Tokenizer#tokenize} as they were before the hand-written scanners replaced them, kept
 * verbatim as the oracle the faster code must match character for character.
 */
final class ReferenceText {

    private static final Pattern INITIALISM = Pattern.compile("\\b([A-Z])\\.([A-Z])\\.(?:([A-Z])\\.)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,]\\p{N}+)*|[\\p{L}\\p{N}]+(?:['-][\\p{L}\\p{N}]+)*|[!?\"]");

    private ReferenceText() {
    }

    static String normalize(String text) {
        String s = java.text.Normalizer.normalize(text, Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
                default -> out.append(c);
            }
        }
        String folded = INITIALISM.matcher(out).replaceAll(m -> m.group(1) + m.group(2)
                + (m.group(3) == null ? "" : m.group(3)));
        return SPACES.matcher(folded).replaceAll(" ").trim();
    }

    static List<Token> tokenize(String sentence) {
        String text = normalize(sentence);
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (Character.isDigit(word.charAt(0)) && word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')) {
                tokens.add(new Token(word, Tokenizer.NUMBER));
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
