package org.stancekit.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;

class ArticleEvaluationTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;
    private static final List<List<String>> GOLD = List.of(
            List.of("FAVOR", "AGAINST", "NONE", "NEUTRAL"),
            List.of("NONE", "FAVOR", "AGAINST", "NONE"),
            List.of("AGAINST", "FAVOR", "AGAINST", "FAVOR"));
    private static final List<List<String>> PREDICTED = List.of(
            List.of("FAVOR", "AGAINST", "NEUTRAL", "NEUTRAL"),
            List.of("NONE", "FAVOR", "AGAINST", "NONE"),
            List.of("NEUTRAL", "FAVOR", "AGAINST", "FAVOR"));

    @Test
    void perPartyMatricesGiveTheArticleMetrics() {
        ArticleEvaluation e = ArticleEvaluation.of(SCHEMA, GOLD, PREDICTED);
        assertEquals(3, e.size());
        ConfusionMatrix us = ConfusionMatrix.of(SCHEMA.stances(), List.of("FAVOR", "NONE", "AGAINST"),
                List.of("FAVOR", "NONE", "NEUTRAL"));
        Map<String, Double> m = e.metrics();
        assertEquals(us.macroF1(), m.get("articles.stance.parties.us.macro_f1"), 1e-12);
        assertEquals(2.0 / 3, m.get("articles.stance.parties.us.accuracy"), 1e-12);
        assertEquals(1.0, m.get("articles.stance.parties.ukraine.accuracy"), 1e-12);
        assertEquals(e.stances().stream().mapToDouble(ConfusionMatrix::macroF1).average().orElseThrow(),
                m.get("articles.stance.macro_f1"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ArticleEvaluation.of(SCHEMA, GOLD, PREDICTED.subList(0, 2)));
    }

    @Test
    void intervalsResampleDocumentsAndHoldTheObservedValue() {
        Map<String, Interval> ci = ArticleEvaluation.intervals(new Bootstrap(200, 3), SCHEMA, GOLD, PREDICTED);
        assertEquals(5, ci.size(), ci.toString());
        Interval mean = ci.get("articles.stance.macro_f1");
        assertTrue(mean.low() <= mean.high() && mean.high() <= 1.0, mean.toString());
        assertEquals(ci, ArticleEvaluation.intervals(new Bootstrap(200, 3), SCHEMA, GOLD, PREDICTED), "seeded");
    }
}
