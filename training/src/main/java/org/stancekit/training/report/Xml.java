package org.stancekit.training.report;

/**
 * Escaping for XML, and so for the HTML and SVG the reports write as well-formed markup. Labels,
 * baseline names, gate messages and model paths come from users and may hold any character.
 */
final class Xml {

    private Xml() {
    }

    /** Escapes text content. Characters XML 1.0 cannot hold at all become U+FFFD. */
    static String text(String s) {
        return escape(s, false);
    }

    /**
     * Escapes a double-quoted attribute value. Line breaks and tabs become character references
     * because a parser would otherwise normalise them to spaces.
     */
    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\r', '\t' -> {
                    if (attribute) {
                        sb.append("&#").append(c).append(';');
                    } else {
                        sb.append((char) c);
                    }
                }
                default -> {
                    if (allowed(c)) {
                        sb.appendCodePoint(c);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        });
        return sb.toString();
    }

    /** XML 1.0's Char production; unpaired surrogates arrive here as code points and fail it. */
    private static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
