package org.stancekit.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

/**
 * The documented columns of {@code sentences.csv} and {@code articles.csv}, and the values of a
 * row, derived from the model's schema so that a retrained model with other parties writes the
 * matching columns. CSV and JSONL share these so that both formats hold the same content.
 */
public final class OutputColumns {

    private final LabelSchema schema;

    /** Columns for models with this schema. */
    public OutputColumns(LabelSchema schema) {
        this.schema = schema;
    }

    /** {@code article_id,sentence_index,text}, per party {@code <party>_stance,<party>_p_<label>...}, then sentiment. */
    public List<String> sentenceHeader() {
        List<String> h = new ArrayList<>(List.of("article_id", "sentence_index", "text"));
        for (String party : schema.parties()) {
            String p = LabelSchema.column(party);
            h.add(p + "_stance");
            schema.stances().forEach(s -> h.add(p + "_p_" + s.toLowerCase(Locale.ROOT)));
        }
        h.add("sentiment");
        schema.sentiments().forEach(s -> h.add("p_" + s.toLowerCase(Locale.ROOT)));
        return h;
    }

    /** {@code article_id,sentences}, per party {@code <party>_stance,_score,_mentions}, then {@code sentiment,sentiment_score}. */
    public List<String> articleHeader() {
        List<String> h = new ArrayList<>(List.of("article_id", "sentences"));
        for (String party : schema.parties()) {
            String p = LabelSchema.column(party);
            h.add(p + "_stance");
            h.add(p + "_score");
            h.add(p + "_mentions");
        }
        h.add("sentiment");
        h.add("sentiment_score");
        return h;
    }

    /** One sentence row, as column name to value (strings and numbers), in header order. */
    public Map<String, Object> sentenceRow(String articleId, SentenceScore s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("article_id", articleId);
        row.put("sentence_index", s.index());
        row.put("text", s.text());
        for (int p = 0; p < schema.parties().size(); p++) {
            String prefix = LabelSchema.column(schema.parties().get(p));
            Distribution d = s.prediction().stances().get(p);
            row.put(prefix + "_stance", d.best());
            for (String label : schema.stances()) {
                row.put(prefix + "_p_" + label.toLowerCase(Locale.ROOT), round(d.probability(label)));
            }
        }
        Distribution sentiment = s.prediction().sentiment();
        row.put("sentiment", sentiment.best());
        for (String label : schema.sentiments()) {
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
        return row;
    }

    /** Four decimals are plenty for probabilities and keep files small and diffable. */
    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** A value as a CSV cell; numbers in {@link Locale#ROOT} form. */
    static String cell(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(v);
    }
}
