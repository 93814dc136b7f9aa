package org.stancekit.evaluation;

import java.util.List;

/**
 * Counts of gold label (row) against predicted label (column) for one head.
 *
 * @param labels the labels, in row and column order
 * @param counts {@code counts[gold][predicted]}
 */
public record ConfusionMatrix(List<String> labels, int[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int[][] copy = new int[labels.size()][];
        for (int i = 0; i < labels.size(); i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("confusion matrix must be square");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** Builds a matrix from parallel lists of gold and predicted labels. */
    public static ConfusionMatrix of(List<String> labels, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predicted.size() + " predictions");
        }
        int[][] counts = new int[labels.size()][labels.size()];
        for (int i = 0; i < gold.size(); i++) {
            int g = index(labels, gold.get(i));
            int p = index(labels, predicted.get(i));
            counts[g][p]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    private static int index(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label " + label + " is not one of " + labels);
        }
        return i;
    }

    /** The count of a cell. */
    public int count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    /** Examples in all. */
    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** Examples whose gold label is class {@code k}. */
    public int support(int k) {
        int n = 0;
        for (int c : counts[k]) {
            n += c;
        }
        return n;
    }

    /** Examples predicted as class {@code k}. */
    public int predicted(int k) {
        int n = 0;
        for (int[] row : counts) {
            n += row[k];
        }
        return n;
    }

    /** Precision of class {@code k}; 0 when nothing was predicted as {@code k}. */
    public double precision(int k) {
        int p = predicted(k);
        return p == 0 ? 0.0 : (double) counts[k][k] / p;
    }

    /** Recall of class {@code k}; 0 when class {@code k} has no gold examples. */
    public double recall(int k) {
        int s = support(k);
        return s == 0 ? 0.0 : (double) counts[k][k] / s;
    }

    /** F1 of class {@code k}. */
    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /**
     * Macro-averaged F1 over the classes that occur in the gold labels or the predictions
     * (scikit-learn's convention); a class absent from both says nothing about the model.
     */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < labels.size(); k++) {
            if (support(k) > 0 || predicted(k) > 0) {
                sum += f1(k);
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }

    /** Share of examples predicted correctly. */
    public double accuracy() {
        int correct = 0;
        for (int k = 0; k < labels.size(); k++) {
            correct += counts[k][k];
        }
        int total = total();
        return total == 0 ? 0.0 : (double) correct / total;
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && labels.equals(m.labels) && java.util.Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + java.util.Arrays.deepToString(counts);
    }
}
