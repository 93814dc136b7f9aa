package org.stancekit.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

class ConfusionMatrixTest {

    @Test
    void precisionRecallF1AndMacroF1ByHand() {
        List<String> labels = List.of("A", "B", "C");
        // gold A A A B B C ; predicted A A B B C C
        ConfusionMatrix m = ConfusionMatrix.of(labels, List.of("A", "A", "A", "B", "B", "C"),
                List.of("A", "A", "B", "B", "C", "C"));
        assertEquals(1.0, m.precision(0), 1e-12);
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(0.8, m.f1(0), 1e-12);
        assertEquals(0.5, m.f1(1), 1e-12);
        assertEquals(2.0 / 3, m.f1(2), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    }

    @Test
    void classesAbsentFromGoldAndPredictionsDoNotCountInMacroF1() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("A", "B", "C"), List.of("A", "B"), List.of("A", "B"));
        assertEquals(1.0, m.macroF1(), 1e-12);
    }

    @Test
    void evaluationKeysFollowMetricsJsonNames() {
        LabelSchema schema = LabelSchema.DEFAULT;
        Labels l = new Labels(List.of("FAVOR", "NONE", "AGAINST", "NONE"), "NEGATIVE");
        Evaluation e = new Evaluator().evaluate(schema, List.of(l, l), List.of(l, l));
        assertEquals(1.0, e.metrics().get("stance.macro_f1"), 1e-12);
        assertEquals(1.0, e.metrics().get("stance.parties.europe.macro_f1"), 1e-12);
        assertEquals(1.0, e.metrics().get("sentiment.macro_f1"), 1e-12);
        assertEquals(2, e.size());
    }
}
