package org.stancekit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;

/**
 * Turns a probability row into a {@link Prediction}, with the manifest's decision biases: the one
 * place model output becomes labels, shared by both kinds of model and every scoring path.
 */
public final class DecisionRule {

    private final LabelSchema schema;
    /** Per head (schema order, sentiment last), {@code exp} of the decision bias, or null. */
    private final double[][] headScale;

    /**
     * @param decisionBias per head name ({@link LabelSchema#heads()}), log-weights added to the classes'
     *                     log-probabilities before the argmax; heads absent take plain argmax
     */
    public DecisionRule(LabelSchema schema, Map<String, double[]> decisionBias) {
        this.schema = schema;
        List<String> names = schema.heads();
        this.headScale = new double[names.size()][];
        for (int h = 0; h < names.size(); h++) {
            double[] bias = decisionBias.get(names.get(h));
            headScale[h] = bias == null ? null : scales(bias);
        }
    }

    /** Probabilities per row: every party's stances, then the sentiments. */
    public static int rowWidth(LabelSchema schema) {
        return schema.parties().size() * schema.stances().size() + schema.sentiments().size();
    }

    /**
     * One sentence's prediction from its probability row.
     *
     * @throws IllegalArgumentException when the row holds something other than a finite number: a
     *         damaged model, which must stop the run rather than write NaN scores as results
     */
    public Prediction prediction(float[] row) {
        for (float p : row) {
            if (!Float.isFinite(p)) {
                throw new IllegalArgumentException("the model computed a probability that is not a number; "
                        + "its weights are damaged (retrain it or use another bundle)");
            }
        }
        int parties = schema.parties().size();
        int stanceClasses = schema.stances().size();
        List<Distribution> stances = new ArrayList<>(parties);
        for (int p = 0; p < parties; p++) {
            stances.add(new Distribution(schema.stances(), biased(row, p * stanceClasses, stanceClasses, p)));
        }
        return new Prediction(stances, new Distribution(schema.sentiments(),
                biased(row, parties * stanceClasses, schema.sentiments().size(), parties)));
    }

    private double[] biased(float[] row, int from, int length, int head) {
        double[] probabilities = new double[length];
        for (int i = 0; i < length; i++) {
            probabilities[i] = row[from + i];
        }
        if (headScale[head] != null) {
            rescale(probabilities, headScale[head]);
        }
        return probabilities;
    }

    /**
     * Reweights a probability row by {@code exp(bias)} and renormalises: a prior shift that moves
     * decisions toward classes the plain argmax under-predicts (rare stances), tuned for macro-F1.
     */
    public static void applyBias(double[] probabilities, double[] bias) {
        rescale(probabilities, scales(bias));
    }

    private static double[] scales(double[] bias) {
        double[] scale = new double[bias.length];
        for (int k = 0; k < bias.length; k++) {
            scale[k] = Math.exp(bias[k]);
        }
        return scale;
    }

    private static void rescale(double[] probabilities, double[] scale) {
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] *= scale[k];
            sum += probabilities[k];
        }
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] /= sum;
        }
    }
}
