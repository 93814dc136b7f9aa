package org.stancekit.evaluation;

import java.util.List;
import org.stancekit.domain.Distribution;

/**
 * How well a head's probabilities are calibrated: the sentences binned by the probability of the
 * predicted class (its confidence), each bin's mean confidence against its accuracy, and the
 * expected calibration error (ECE), the bins' gaps weighted by their share of the sentences. A
 * calibrated head is right 70% of the time when it says 0.7; the reliability diagram plots this.
 *
 * @param ece expected calibration error, in [0, 1]
 * @param counts sentences per bin (equal-width bins over [0, 1])
 * @param confidence mean confidence per bin (NaN for an empty bin)
 * @param accuracy accuracy per bin (NaN for an empty bin)
 */
public record Reliability(double ece, int[] counts, double[] confidence, double[] accuracy) {

    /** Bins of the reliability diagram and of the ECE. */
    public static final int BINS = 10;

    /** The reliability of predicted distributions against gold labels. */
    public static Reliability of(List<Distribution> predicted, List<String> gold) {
        int[] counts = new int[BINS];
        double[] confidence = new double[BINS];
        double[] correct = new double[BINS];
        for (int i = 0; i < predicted.size(); i++) {
            Distribution d = predicted.get(i);
            String best = d.best();
            double p = d.probability(best);
            int bin = Math.min(BINS - 1, (int) (p * BINS));
            counts[bin]++;
            confidence[bin] += p;
            correct[bin] += best.equals(gold.get(i)) ? 1 : 0;
        }
        double ece = 0;
        double[] accuracy = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            if (counts[b] == 0) {
                confidence[b] = Double.NaN;
                accuracy[b] = Double.NaN;
                continue;
            }
            confidence[b] /= counts[b];
            accuracy[b] = correct[b] / counts[b];
            ece += (double) counts[b] / predicted.size() * Math.abs(accuracy[b] - confidence[b]);
        }
        return new Reliability(ece, counts, confidence, accuracy);
    }
}
