package org.stancekit.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;

/**
 * The result of evaluating a model on labelled sentences.
 *
 * @param schema the labels evaluated
 * @param stances one confusion matrix per party, in schema order
 * @param sentiment the sentiment confusion matrix
 */
public record Evaluation(LabelSchema schema, List<ConfusionMatrix> stances, ConfusionMatrix sentiment) {

    public Evaluation {
        stances = List.copyOf(stances);
        if (stances.size() != schema.parties().size()) {
            throw new IllegalArgumentException("one stance matrix per party expected");
        }
    }

    /** Mean of the per-party stance macro-F1: the headline stance figure. */
    public double meanStanceMacroF1() {
        return stances.stream().mapToDouble(ConfusionMatrix::macroF1).average().orElse(0.0);
    }

    /** Sentences evaluated. */
    public int size() {
        return sentiment.total();
    }

    /**
     * F1 of "refers to the party" for party {@code p}: every stance but {@code NONE} counts as a
     * reference, so this measures finding the party, whatever the stance taken toward it.
     */
    public double referenceF1(int p) {
        ConfusionMatrix m = stances.get(p);
        int none = m.labels().indexOf(LabelSchema.NONE);
        long truePositive = 0;
        long goldRefers = 0;
        long predictedRefers = 0;
        for (int g = 0; g < m.labels().size(); g++) {
            for (int q = 0; q < m.labels().size(); q++) {
                int n = m.count(g, q);
                goldRefers += g != none ? n : 0;
                predictedRefers += q != none ? n : 0;
                truePositive += g != none && q != none ? n : 0;
            }
        }
        return goldRefers + predictedRefers == 0 ? 1.0 : 2.0 * truePositive / (goldRefers + predictedRefers);
    }

    /**
     * The flat metrics, keyed as in {@code metrics.json}: {@code stance.macro_f1},
     * {@code stance.parties.<party>.macro_f1}, {@code .accuracy} and {@code .reference_f1},
     * {@code sentiment.macro_f1}, {@code sentiment.accuracy}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("stance.macro_f1", meanStanceMacroF1());
        m.put("stance.accuracy", stances.stream().mapToDouble(ConfusionMatrix::accuracy).average().orElse(0.0));
        for (int p = 0; p < stances.size(); p++) {
            String prefix = "stance.parties." + LabelSchema.column(schema.parties().get(p)) + ".";
            m.put(prefix + "macro_f1", stances.get(p).macroF1());
            m.put(prefix + "accuracy", stances.get(p).accuracy());
            m.put(prefix + "reference_f1", referenceF1(p));
        }
        m.put("sentiment.macro_f1", sentiment.macroF1());
        m.put("sentiment.accuracy", sentiment.accuracy());
        return m;
    }
}
