package org.stancekit.inference.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.PartyScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.domain.Distribution;

/**
 * One scored article as a plain-text table for a terminal: a row per sentence (its number from 1,
 * its text wrapped in a column of its own, then per party the most probable stance and its
 * probability, then the sentiment and its probability), and below them the article roll-up per
 * party (stance, score, mentions, confidence) and the article sentiment, in the same columns.
 *
 * <p>Probabilities and scores are printed with two decimals, rounded from the four-decimal values
 * the output files hold, so the table agrees with {@code sentences.csv} and {@code articles.csv}
 * to the precision it prints. A sentence longer than {@value #MAX_LINES} wrapped lines is cut with
 * "...". Control and formatting characters of the text (escape sequences, bidirectional overrides)
 * are shown as spaces: articles are untrusted and must not drive the terminal.
 */
public final class ScoreTable {

    /** The width the table fits by default: an ordinary terminal has 100 columns or more. */
    public static final int DEFAULT_WIDTH = 100;
    /** Lines a sentence may wrap onto before it is cut: keeps one long sentence from filling the screen. */
    static final int MAX_LINES = 4;
    /** The text column never gets narrower than this, even if the table then overflows the width. */
    private static final int MIN_TEXT = 20;
    private static final String GAP = "  ";
    private static final String ROLL_UP_INDENT = "  ";

    private final int width;

    /** A table that fits {@value #DEFAULT_WIDTH} columns. */
    public ScoreTable() {
        this(DEFAULT_WIDTH);
    }

    /** A table that fits {@code width} columns (the text column takes what the numbers leave). */
    public ScoreTable(int width) {
        this.width = width;
    }

    /** The table of one scored article, lines ending in {@code \n}. */
    public String render(ArticleScore article) {
        Layout layout = new Layout(article);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (PartyScore p : article.parties()) {
            header.add(displayName(p.party()));
        }
        line(out, layout, "#", "Sentence", header, "Sentiment");
        for (SentenceScore s : article.sentences()) {
            List<String> cells = new ArrayList<>();
            for (Distribution d : s.prediction().stances()) {
                cells.add(labelled(layout.stanceWidth, d.best(), decimal(d.probability(d.best()))));
            }
            Distribution sentiment = s.prediction().sentiment();
            String sentimentCell = labelled(layout.sentimentWidth, sentiment.best(),
                    decimal(sentiment.probability(sentiment.best())));
            List<String> text = wrap(clean(s.text()), layout.textWidth);
            line(out, layout, Integer.toString(s.index() + 1), text.get(0), cells, sentimentCell);
            for (String more : text.subList(1, text.size())) {
                line(out, layout, "", more, List.of(), "");
            }
        }
        out.append("-".repeat(Math.min(width, layout.total()))).append('\n');
        line(out, layout, "", "Article (" + Counts.of(article.sentences().size(), "sentence") + ")", header, "Sentiment");
        List<String> stance = new ArrayList<>();
        List<String> score = new ArrayList<>();
        List<String> mentions = new ArrayList<>();
        List<String> confidence = new ArrayList<>();
        for (PartyScore p : article.parties()) {
            // Numbers right-aligned, under the probabilities above them, so that signs and points line up.
            stance.add(p.stance());
            score.add(right(decimal(p.score()), layout.stanceWidth));
            mentions.add(right(Integer.toString(p.mentions()), layout.stanceWidth));
            confidence.add(right(decimal(p.confidence()), layout.stanceWidth));
        }
        line(out, layout, "", ROLL_UP_INDENT + "stance", stance, article.sentiment());
        line(out, layout, "", ROLL_UP_INDENT + "score", score, right(decimal(article.sentimentScore()), layout.sentimentWidth));
        line(out, layout, "", ROLL_UP_INDENT + "mentions", mentions, "");
        line(out, layout, "", ROLL_UP_INDENT + "confidence", confidence, "");
        List<String> drivers = new ArrayList<>();
        for (int p = 0; p < article.parties().size(); p++) {
            drivers.add(drivers(article, p, layout.stanceWidth));
        }
        line(out, layout, "", ROLL_UP_INDENT + "driven by", drivers, "");
        return out.toString();
    }

    /** Sentences shown per party as the drivers of its article stance, at most. */
    static final int DRIVERS = 3;

    /**
     * The sentences (by their # above) that drove a party's article stance, most decisive first, as
     * many as fit the column; empty for NONE.
     */
    private static String drivers(ArticleScore article, int party, int width) {
        StringBuilder cell = new StringBuilder();
        for (SentenceScore s : article.drivers(party, DRIVERS)) {
            String next = (cell.length() == 0 ? "" : " ") + "#" + (s.index() + 1);
            if (cell.length() + next.length() > width) {
                break;
            }
            cell.append(next);
        }
        return cell.toString();
    }

    /** Column widths for one article: the labels of its model decide the number columns. */
    private final class Layout {
        final int indexWidth;
        final int stanceWidth;
        final int sentimentWidth;
        final int partyColumns;
        final int textWidth;

        Layout(ArticleScore a) {
            indexWidth = Math.max(1, Integer.toString(a.sentences().size()).length());
            int stance = "AGAINST".length();
            int sentiment = "NEGATIVE".length();
            if (!a.sentences().isEmpty()) {
                for (Distribution d : a.sentences().get(0).prediction().stances()) {
                    stance = Math.max(stance, longest(d.labels()));
                }
                sentiment = Math.max(sentiment, longest(a.sentences().get(0).prediction().sentiment().labels()));
            }
            for (PartyScore p : a.parties()) {
                stance = Math.max(stance, displayName(p.party()).length() - 5);
            }
            // A label, a space and "0.00"; "-0.00" of a score fits since labels are longer than one character.
            stanceWidth = stance + 5;
            sentimentWidth = Math.max(sentiment + 5, "Sentiment".length());
            partyColumns = a.parties().size();
            int numbers = partyColumns * (GAP.length() + stanceWidth) + GAP.length() + sentimentWidth;
            textWidth = Math.max(MIN_TEXT, width - 1 - (indexWidth + GAP.length()) - numbers);
        }

        int total() {
            return indexWidth + GAP.length() + textWidth + partyColumns * (GAP.length() + stanceWidth)
                    + GAP.length() + sentimentWidth;
        }
    }

    private static void line(StringBuilder out, Layout layout, String index, String text, List<String> parties,
                             String sentiment) {
        StringBuilder l = new StringBuilder();
        l.append(" ".repeat(layout.indexWidth - index.length())).append(index).append(GAP);
        l.append(pad(text, layout.textWidth));
        for (int p = 0; p < layout.partyColumns; p++) {
            l.append(GAP).append(pad(p < parties.size() ? parties.get(p) : "", layout.stanceWidth));
        }
        l.append(GAP).append(sentiment);
        out.append(l.toString().stripTrailing()).append('\n');
    }

    /** A label and a number, the number right-aligned so that the decimal points line up. */
    private static String labelled(int cellWidth, String label, String number) {
        int space = Math.max(1, cellWidth - label.length() - number.length());
        return label + " ".repeat(space) + number;
    }

    private static String right(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static int longest(List<String> labels) {
        return labels.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Two decimals of the value the output files hold (four decimals), so both agree. */
    static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", OutputColumns.round(v));
    }

    /** "US" stays as it is, "UKRAINE" reads "Ukraine". */
    static String displayName(String party) {
        if (party.length() <= 3) {
            return party.toUpperCase(Locale.ROOT);
        }
        return party.substring(0, 1).toUpperCase(Locale.ROOT) + party.substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * The text on one line, safe for a terminal: control characters (escape sequences, new lines)
     * and invisible formatting characters (bidirectional overrides) become spaces, runs of spaces one.
     */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT;
            if (blank) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Greedy word wrap to {@code w} columns, words longer than a line split; cut after {@link #MAX_LINES}. */
    static List<String> wrap(String text, int w) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > w) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, w));
                word = word.substring(w);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > w) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > MAX_LINES) {
            String last = lines.get(MAX_LINES - 1);
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            lines.set(MAX_LINES - 1, (last.length() > w - 3 ? last.substring(0, w - 3) : last) + "...");
        }
        return lines;
    }
}
