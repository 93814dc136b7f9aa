package org.stancekit.text;

import java.text.Normalizer.Form;
import java.util.regex.Pattern;

/**
 * Puts text into one canonical form before tokenising: Unicode NFKC, straight quotes and
 * apostrophes, one kind of dash, and dotted initialisms folded ("U.S." becomes "US") so that the
 * acronym is one token and is not confused with the pronoun "us".
 */
public final class Normalizer {

    private static final Pattern INITIALISM = Pattern.compile("\\b([A-Z])\\.([A-Z])\\.(?:([A-Z])\\.)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Normalizer() {
    }

    /** Returns the canonical form of {@code text}. */
    public static String normalize(String text) {
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
}
