package org.stancekit.training;

/**
 * Loss weights per class against class imbalance, the one rule of both trainers: a class weighs
 * {@code (mean count / its count)^power}, the mean taken over the classes that occur, clipped to
 * [0.1, 10] so that a class seen a handful of times cannot dominate the loss. A class that never
 * occurs weighs 1 (no example carries it, so its weight never counts).
 */
public final class ClassWeights {

    private ClassWeights() {
    }

    /**
     * @param labels one head's class indices; {@code ignored} marks an example without a label
     * @param classes the head's number of classes
     * @param power 0 weighs every class alike, 1 by inverse frequency
     * @param ignored the index of a missing label
     */
    public static double[] of(int[] labels, int classes, double power, int ignored) {
        double[] counts = new double[classes];
        for (int label : labels) {
            if (label != ignored) {
                counts[label]++;
            }
        }
        double present = 0;
        double total = 0;
        for (double c : counts) {
            present += c > 0 ? 1 : 0;
            total += c;
        }
        double mean = total / present;
        double[] w = new double[classes];
        for (int k = 0; k < classes; k++) {
            w[k] = counts[k] == 0 ? 1.0 : Math.min(10.0, Math.max(0.1, Math.pow(mean / counts[k], power)));
        }
        return w;
    }
}
