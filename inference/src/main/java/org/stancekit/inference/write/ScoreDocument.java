package org.stancekit.inference.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.PartyScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.runtime.Json;

/**
 * One scored article as a nested JSON document, for programs that call {@code score --text}:
 * <pre>{@code
 * {"sentences": [{"index": 0, "text": "...",
 *                 "stances": {"us": {"label": "NONE", "probabilities": {"FAVOR": 0.01, "AGAINST": 0.02, "NEUTRAL": 0.03, "NONE": 0.94}},
 *                             "ukraine": {...}, "russia": {...}, "europe": {...}},
 *                 "sentiment": {"label": "NEGATIVE", "probabilities": {"POSITIVE": 0.1, "NEGATIVE": 0.8, "NEUTRAL": 0.1}}}],
 *  "article": {"sentences": 1,
 *              "stances": {"us": {"label": "NONE", "score": 0.0, "mentions": 0, "confidence": 0.0}, ...},
 *              "sentiment": {"label": "NEGATIVE", "score": -0.7}}}
 * }</pre>
 * Party keys are the column prefixes of the output files ({@link LabelSchema#column}), in the
 * model's order; probabilities are keyed by label, so {@code probabilities[label]} is the
 * probability of the label shown. {@code index} counts from 0 like {@code sentence_index}. Every
 * number is written with four decimals exactly as in {@code sentences.csv} and {@code articles.csv}
 * (the same text as the cell, {@code 0.0001} rather than {@code 1.0E-4}). Characters outside ASCII are written as {@code \}{@code uXXXX}
 * escapes, so the document survives a terminal or pipe in any encoding.
 */
public final class ScoreDocument {

    private static final ObjectWriter JSON = Json.INDENTED
            .with(JsonGenerator.Feature.ESCAPE_NON_ASCII)
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** The document of one scored article. */
    public ObjectNode toJson(ArticleScore article) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        var sentences = root.putArray("sentences");
        for (SentenceScore s : article.sentences()) {
            ObjectNode sentence = sentences.addObject();
            sentence.put("index", s.index());
            sentence.put("text", s.text());
            ObjectNode stances = sentence.putObject("stances");
            for (int p = 0; p < article.parties().size(); p++) {
                distribution(stances.putObject(LabelSchema.column(article.parties().get(p).party())),
                        s.prediction().stances().get(p));
            }
            distribution(sentence.putObject("sentiment"), s.prediction().sentiment());
        }
        ObjectNode rollUp = root.putObject("article");
        rollUp.put("sentences", article.sentences().size());
        ObjectNode stances = rollUp.putObject("stances");
        for (int k = 0; k < article.parties().size(); k++) {
            PartyScore p = article.parties().get(k);
            ObjectNode party = stances.putObject(LabelSchema.column(p.party()));
            party.put("label", p.stance());
            party.put("score", decimal(p.score()));
            party.put("mentions", p.mentions());
            party.put("confidence", decimal(p.confidence()));
            // The sentences (by index) whose own stance decided the article's: why it says what it says.
            var drivers = party.putArray("drivers");
            article.drivers(k, ScoreTable.DRIVERS).forEach(s -> drivers.add(s.index()));
        }
        ObjectNode sentiment = rollUp.putObject("sentiment");
        sentiment.put("label", article.sentiment());
        sentiment.put("score", decimal(article.sentimentScore()));
        return root;
    }

    /** The document as indented JSON text, ending with a new line. */
    public String render(ArticleScore article) {
        try {
            return JSON.writeValueAsString(toJson(article)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * Four decimals as the CSV writes them ({@code 0.0001}, {@code 1.0000}), not as a double
     * prints ({@code 1.0E-4}): the same value, and the same text as the cell.
     */
    private static BigDecimal decimal(double v) {
        return new BigDecimal(OutputColumns.fixed4(v));
    }

    private static void distribution(ObjectNode node, Distribution d) {
        node.put("label", d.best());
        ObjectNode probabilities = node.putObject("probabilities");
        for (int k = 0; k < d.labels().size(); k++) {
            probabilities.put(d.labels().get(k), decimal(d.probabilityAt(k)));
        }
    }
}
