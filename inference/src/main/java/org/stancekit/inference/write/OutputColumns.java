package org.stancekit.inference.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.PartyScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

/**
 * The documented columns of {@code sentences.csv} and {@code articles.csv}, and the values of a
 * row, derived from the model's schema so that a retrained model with other parties writes the
 * matching columns. CSV and JSONL share these so that both formats hold the same content.
 *
 * <p>The article columns end with one {@code <party>_confidence} column per party, after the
 * design's fixed list, so that readers that address columns by position keep working.
 */
public final class OutputColumns {

    /** The columns of {@code errors.csv}, and the fields of {@code errors.jsonl}. */
    public static final List<String> ERROR_COLUMNS = List.of("input", "article_id", "reason");

    private final LabelSchema schema;
    private final List<String> sentenceHeader;
    private final List<String> articleHeader;
    private final List<Class<?>> sentenceTypes;
    private final List<Class<?>> articleTypes;
    private final String[] partyPrefixes;
    private final List<String> stanceLabels;
    private final List<String> sentimentLabels;

    /** Columns for models with this schema. */
    public OutputColumns(LabelSchema schema) {
        this.schema = schema;
        this.partyPrefixes = schema.parties().stream().map(LabelSchema::column).toArray(String[]::new);
        this.stanceLabels = schema.stances();
        this.sentimentLabels = schema.sentiments();
        Columns sentences = buildSentenceHeader();
        Columns articles = buildArticleHeader();
        this.sentenceHeader = List.copyOf(sentences.names);
        this.sentenceTypes = List.copyOf(sentences.types);
        this.articleHeader = List.copyOf(articles.names);
        this.articleTypes = List.copyOf(articles.types);
    }

    /** {@code article_id,sentence_index,text}, per party {@code <party>_stance,<party>_p_<label>...}, then sentiment. */
    public List<String> sentenceHeader() {
        return sentenceHeader;
    }

    /**
     * {@code article_id,sentences}, per party {@code <party>_stance,_score,_mentions}, then
     * {@code sentiment,sentiment_score}, then per party {@code <party>_confidence}.
     */
    public List<String> articleHeader() {
        return articleHeader;
    }

    /**
     * The Java type of each sentence column's value in {@link #sentenceRow}, in header order:
     * {@code String}, {@code Integer} or {@code Double}; for writers of typed tables (Parquet).
     */
    public List<Class<?>> sentenceTypes() {
        return sentenceTypes;
    }

    /** The Java type of each article column's value in {@link #articleRow}, in header order. */
    public List<Class<?>> articleTypes() {
        return articleTypes;
    }

    /** Column names and the types of their values, built together. */
    private static final class Columns {
        final List<String> names = new ArrayList<>();
        final List<Class<?>> types = new ArrayList<>();

        Columns add(String name, Class<?> type) {
            names.add(name);
            types.add(type);
            return this;
        }
    }

    private Columns buildSentenceHeader() {
        Columns h = new Columns().add("article_id", String.class).add("sentence_index", Integer.class)
                .add("text", String.class);
        for (String p : partyPrefixes) {
            h.add(p + "_stance", String.class);
            for (String s : stanceLabels) {
                h.add(p + "_p_" + s.toLowerCase(Locale.ROOT), Double.class);
            }
        }
        h.add("sentiment", String.class);
        for (String s : sentimentLabels) {
            h.add("p_" + s.toLowerCase(Locale.ROOT), Double.class);
        }
        return h;
    }

    private Columns buildArticleHeader() {
        Columns h = new Columns().add("article_id", String.class).add("sentences", Integer.class);
        for (String p : partyPrefixes) {
            h.add(p + "_stance", String.class);
            h.add(p + "_score", Double.class);
            h.add(p + "_mentions", Integer.class);
        }
        h.add("sentiment", String.class);
        h.add("sentiment_score", Double.class);
        for (String p : partyPrefixes) {
            h.add(p + "_confidence", Double.class);
        }
        return h;
    }

    /** One sentence row, as column name to value (strings and numbers), in header order. */
    public Map<String, Object> sentenceRow(String articleId, SentenceScore s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("article_id", articleId);
        row.put("sentence_index", s.index());
        row.put("text", s.text());
        for (int p = 0; p < partyPrefixes.length; p++) {
            String prefix = partyPrefixes[p];
            Distribution d = s.prediction().stances().get(p);
            row.put(prefix + "_stance", d.best());
            for (String label : stanceLabels) {
                row.put(prefix + "_p_" + label.toLowerCase(Locale.ROOT), round(d.probability(label)));
            }
        }
        Distribution sentiment = s.prediction().sentiment();
        row.put("sentiment", sentiment.best());
        for (String label : sentimentLabels) {
            row.put("p_" + label.toLowerCase(Locale.ROOT), round(sentiment.probability(label)));
        }
        return row;
    }

    /** One article row, as column name to value, in header order. */
    public Map<String, Object> articleRow(ArticleScore a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("article_id", a.articleId());
        row.put("sentences", a.sentences().size());
        for (PartyScore p : a.parties()) {
            String prefix = LabelSchema.column(p.party());
            row.put(prefix + "_stance", p.stance());
            row.put(prefix + "_score", round(p.score()));
            row.put(prefix + "_mentions", p.mentions());
        }
        row.put("sentiment", a.sentiment());
        row.put("sentiment_score", round(a.sentimentScore()));
        for (PartyScore p : a.parties()) {
            row.put(LabelSchema.column(p.party()) + "_confidence", round(p.confidence()));
        }
        return row;
    }

    /**
     * The cells of {@link #sentenceRow} as CSV text, without building a map: the CSV writer's hot
     * path, a few million cells a second. Same text as {@link #cell} of each value.
     */
    public String[] sentenceCells(String articleId, SentenceScore s) {
        String[] cells = new String[sentenceHeader.size()];
        int c = 0;
        cells[c++] = articleId;
        cells[c++] = Integer.toString(s.index());
        cells[c++] = s.text();
        for (int p = 0; p < partyPrefixes.length; p++) {
            Distribution d = s.prediction().stances().get(p);
            cells[c++] = d.best();
            c = probabilityCells(d, stanceLabels, cells, c);
        }
        Distribution sentiment = s.prediction().sentiment();
        cells[c++] = sentiment.best();
        probabilityCells(sentiment, sentimentLabels, cells, c);
        return cells;
    }

    /**
     * Writes a distribution's probabilities in header order from cell {@code c} on; returns the
     * next cell. The model's distributions share the schema's label list, so the order check is
     * one identity comparison and the probabilities are read by position (looking each label up
     * by name was an eighth of the writer thread's time).
     */
    private static int probabilityCells(Distribution d, List<String> labels, String[] cells, int c) {
        boolean sameOrder = d.labels().equals(labels);
        for (int k = 0; k < labels.size(); k++) {
            cells[c++] = fixed4(sameOrder ? d.probabilityAt(k) : d.probability(labels.get(k)));
        }
        return c;
    }

    /** The cells of {@link #articleRow} as CSV text. */
    public String[] articleCells(ArticleScore a) {
        String[] cells = new String[articleHeader.size()];
        int c = 0;
        cells[c++] = a.articleId();
        cells[c++] = Integer.toString(a.sentences().size());
        for (PartyScore p : a.parties()) {
            cells[c++] = p.stance();
            cells[c++] = fixed4(p.score());
            cells[c++] = Integer.toString(p.mentions());
        }
        cells[c++] = a.sentiment();
        cells[c++] = fixed4(a.sentimentScore());
        for (PartyScore p : a.parties()) {
            cells[c++] = fixed4(p.confidence());
        }
        return cells;
    }

    /** The schema the columns come from. */
    public LabelSchema schema() {
        return schema;
    }

    /**
     * A value rounded to the four decimals every output holds. Four decimals are plenty for
     * probabilities and keep files small and diffable.
     */
    public static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** A value as a CSV cell; numbers in {@link Locale#ROOT} form. */
    static String cell(Object v) {
        if (v instanceof Double d) {
            return fixed4(d);
        }
        return String.valueOf(v);
    }

    /** Every four-decimal value in [-1, 1] as text, made once: probabilities and scores are all in that range. */
    private static final String[] UNIT_RANGE = new String[20_001];

    static {
        for (int k = -10_000; k <= 10_000; k++) {
            UNIT_RANGE[k + 10_000] = spell(k);
        }
    }

    /**
     * {@code String.format(Locale.ROOT, "%.4f", round(v))}, character for character, at a fraction
     * of the cost: the rounded value is a whole number of ten-thousandths, so its digits are those
     * of that integer, and in [-1, 1] its text comes from a table. ({@code String.format} alone
     * took a third of the writer's time, and the strings a tenth of all allocation.)
     */
    static String fixed4(double v) {
        long k = Math.round(v * 10_000);
        if (k >= -10_000 && k <= 10_000) {
            return UNIT_RANGE[(int) k + 10_000];
        }
        if (Math.abs(k) > 1_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.4f", round(v));
        }
        return spell(k);
    }

    private static String spell(long k) {
        long a = Math.abs(k);
        long whole = a / 10_000;
        int frac = (int) (a % 10_000);
        StringBuilder sb = new StringBuilder(12);
        if (k < 0) {
            sb.append('-');
        }
        sb.append(whole).append('.');
        if (frac < 1000) {
            sb.append('0');
        }
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}
