package org.stancekit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into sentences. Every line is a paragraph and no sentence crosses a line.
 * Within a paragraph a sentence ends at ".", "!", "?" or "…", optionally followed by closing
 * quotes or brackets, when white space and then an upper-case letter, a digit, an opening quote
 * or a dash follow. That rule alone would cut "Mr. Trump" and "the U.S. envoy", so a full stop
 * after a title ("Mr.", "Gen."), a month or "No." before a number, or an initial or initialism
 * ("W.", "U.S.") is not an end unless the next word plainly starts a sentence.
 *
 * <p>The splitter keeps the original characters of every sentence; only a leading dash left by
 * constructs such as "… ago. - This article …" is dropped.
 */
public final class SentenceSplitter {

    private static final Set<String> TITLES = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Cpl", "Maj", "Adm", "Cmdr",
            "Sen", "Sens", "Rep", "Reps", "Gov", "Prof", "Rev", "Hon", "St", "Mt", "Ft", "Gens",
            "vs", "Vs", "Messrs", "Pres", "Supt", "Insp", "Det", "Amb");
    private static final Set<String> BEFORE_NUMBER = Set.of(
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "No", "Nos", "Art", "art", "p", "pp", "Vol", "vol", "Fig", "fig");
    /** Words that after an initialism such as "U.S." most likely open a new sentence. */
    private static final Set<String> SENTENCE_STARTERS = Set.of(
            "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "But", "And", "In", "On",
            "At", "This", "That", "These", "Those", "There", "His", "Her", "Their", "Its", "Our",
            "However", "Meanwhile", "Still", "Yet", "So", "If", "When", "While", "After", "Before",
            "As", "For", "Some", "Many", "Most", "No", "Not", "What", "Why", "How", "Asked");

    /** Splits a whole article, one paragraph per line, into its sentences in order. */
    public List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String paragraph = line.strip();
            if (!paragraph.isEmpty()) {
                splitParagraph(paragraph, sentences);
            }
        }
        return sentences;
    }

    private void splitParagraph(String p, List<String> out) {
        int start = 0;
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
                continue;
            }
            int end = i + 1;
            while (end < n && isCloser(p.charAt(end))) {
                end++;
            }
            if (end >= n || !Character.isWhitespace(p.charAt(end))) {
                continue;
            }
            int next = end;
            while (next < n && Character.isWhitespace(p.charAt(next))) {
                next++;
            }
            if (next >= n || !canStartSentence(p, next)) {
                continue;
            }
            if (c == '.' && end == i + 1 && isAbbreviation(wordEndingAt(p, i), p, next)) {
                continue;
            }
            add(p.substring(start, end), out);
            start = next;
            i = next - 1;
        }
        add(p.substring(start), out);
    }

    private static void add(String sentence, List<String> out) {
        String s = sentence.strip();
        if (s.length() > 1 && isDash(s.charAt(0)) && Character.isWhitespace(s.charAt(1))) {
            s = s.substring(1).strip();
        }
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static boolean canStartSentence(String p, int at) {
        char c = p.charAt(at);
        if (Character.isUpperCase(c) || Character.isDigit(c) || isOpener(c)) {
            return true;
        }
        // A dash opens a sentence only as a separate mark ("- This article"), not as "-5".
        return isDash(c) && at + 1 < p.length() && Character.isWhitespace(p.charAt(at + 1));
    }

    /** The word that ends with the full stop at {@code dot}, without the stop and leading brackets or quotes. */
    private static String wordEndingAt(String p, int dot) {
        int b = dot;
        while (b > 0 && !Character.isWhitespace(p.charAt(b - 1))) {
            b--;
        }
        while (b < dot && isOpener(p.charAt(b))) {
            b++;
        }
        return p.substring(b, dot);
    }

    private static boolean isAbbreviation(String word, String p, int next) {
        if (word.isEmpty()) {
            return false;
        }
        if (TITLES.contains(word)) {
            return true;
        }
        if (BEFORE_NUMBER.contains(word)) {
            return Character.isDigit(p.charAt(next));
        }
        boolean initialism = word.matches("(?:\\p{Lu}\\.)*\\p{Lu}") || word.matches("(?:\\p{L}\\.)+\\p{L}");
        if (initialism) {
            // "George W. Bush" and "the U.S. envoy" continue; "in the U.S. The talks" and "on X. “Quote" do not.
            return !isOpener(p.charAt(next)) && !SENTENCE_STARTERS.contains(nextWord(p, next));
        }
        return false;
    }

    private static String nextWord(String p, int at) {
        int e = at;
        while (e < p.length() && Character.isLetter(p.charAt(e))) {
            e++;
        }
        return p.substring(at, e);
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u2018' || c == '(' || c == '[' || c == '\u00AB';
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }
}
