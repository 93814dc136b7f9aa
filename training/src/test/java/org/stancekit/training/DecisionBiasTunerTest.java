package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;
import org.stancekit.evaluation.Evaluator;

class DecisionBiasTunerTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;

    /** US stance: the model ranks FAVOR second-best on true FAVOR sentences but never first. */
    private static Prediction prediction(double favor, double none) {
        List<Distribution> stances = new ArrayList<>();
        stances.add(new Distribution(SCHEMA.stances(), new double[] {favor, 0.05, 1 - favor - none - 0.05, none}));
        for (int p = 1; p < 4; p++) {
            stances.add(new Distribution(SCHEMA.stances(), new double[] {0, 0, 0, 1}));
        }
        return new Prediction(stances, new Distribution(SCHEMA.sentiments(), new double[] {0.2, 0.5, 0.3}));
    }

    private static Labels gold(String us) {
        return new Labels(List.of(us, "NONE", "NONE", "NONE"), "NEGATIVE");
    }

    @Test
    void biasesRecoverAnUnderPredictedClassAndLeaveCalibratedHeadsAlone() {
        List<Prediction> predictions = new ArrayList<>();
        List<Labels> gold = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            predictions.add(prediction(0.35, 0.45)); // true FAVOR, argmax NONE
            gold.add(gold("FAVOR"));
        }
        for (int i = 0; i < 40; i++) {
            predictions.add(prediction(0.05, 0.9)); // true NONE
            gold.add(gold("NONE"));
        }
        Map<String, double[]> biases = DecisionBiasTuner.tune(SCHEMA, predictions, gold);

        double[] us = biases.get("stance_us");
        double[] shifted = predictions.get(0).stances().get(0).probabilities();
        org.stancekit.model.DecisionRule.applyBias(shifted, us);
        assertEquals(0, argmax(shifted), "FAVOR wins after the shift");
        assertArrayEquals(new double[] {0, 0, 0, 0}, biases.get("stance_russia"), "a perfect head keeps zero biases");
        assertArrayEquals(new double[] {0, 0, 0}, biases.get("sentiment"));

        List<Labels> before = predictions.stream().map(Prediction::labels).toList();
        double f1Before = new Evaluator().evaluate(SCHEMA, gold, before).stances().get(0).macroF1();
        assertTrue(f1Before < 0.5, "before: only NONE is ever predicted");
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
