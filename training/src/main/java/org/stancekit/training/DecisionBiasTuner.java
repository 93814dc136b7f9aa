package org.stancekit.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.model.DecisionRule;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.network.NetworkFactory;

/**
 * Tunes per-class decision biases on dev for macro-F1. A softmax trained on imbalanced data
 * rarely predicts rare classes (Russia FAVOR, Europe AGAINST) even when it ranks them well; a
 * log-prior shift per class moves the decision boundary toward them. Coordinate ascent over a
 * small grid, a bias moving away from 0 only for a real gain, keeps the tuning from chasing
 * noise in a few dev sentences.
 */
final class DecisionBiasTuner {

    private static final double STEP = 0.25;
    private static final double LIMIT = 2.0;
    private static final double MIN_GAIN = 0.002;
    private static final int PASSES = 3;

    private DecisionBiasTuner() {
    }

    /** Output name → bias vector, tuned on the given dev predictions (made without biases). */
    static Map<String, double[]> tune(LabelSchema schema, List<Prediction> dev, List<Labels> gold) {
        Map<String, double[]> out = new LinkedHashMap<>();
        List<String> heads = NetworkFactory.outputs(schema);
        for (int h = 0; h < heads.size(); h++) {
            boolean sentiment = h == heads.size() - 1;
            List<String> labels = sentiment ? schema.sentiments() : schema.stances();
            double[][] p = new double[dev.size()][];
            int[] g = new int[dev.size()];
            for (int i = 0; i < dev.size(); i++) {
                Distribution d = sentiment ? dev.get(i).sentiment() : dev.get(i).stances().get(h);
                p[i] = d.probabilities();
                g[i] = labels.indexOf(sentiment ? gold.get(i).sentiment() : gold.get(i).stances().get(h));
            }
            out.put(heads.get(h), tuneHead(labels, p, g));
        }
        return out;
    }

    private static double[] tuneHead(List<String> labels, double[][] p, int[] gold) {
        double[] bias = new double[labels.size()];
        double best = macroF1(labels, p, gold, bias);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int k = 0; k < bias.length; k++) {
                double keep = bias[k];
                double bestValue = keep;
                for (double v = -LIMIT; v <= LIMIT + 1e-9; v += STEP) {
                    bias[k] = v;
                    double f = macroF1(labels, p, gold, bias);
                    if (f > best + MIN_GAIN || (f >= best - 1e-12 && Math.abs(v) < Math.abs(bestValue) && f >= best)) {
                        best = Math.max(best, f);
                        bestValue = v;
                    }
                }
                bias[k] = bestValue;
            }
        }
        return bias;
    }

    private static double macroF1(List<String> labels, double[][] p, int[] gold, double[] bias) {
        int k = labels.size();
        int[][] counts = new int[k][k];
        double[] row = new double[k];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, row, 0, k);
            DecisionRule.applyBias(row, bias);
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (row[c] > row[arg]) {
                    arg = c;
                }
            }
            counts[gold[i]][arg]++;
        }
        return new ConfusionMatrix(labels, counts).macroF1();
    }
}
