package org.stancekit.evaluation;

/**
 * The drop of one metric between two runs' predictions of the same sentences, from a paired
 * bootstrap ({@link Bootstrap#pairedDrops}).
 *
 * @param before the metric of the earlier predictions, scored against this run's gold labels
 * @param after the metric of this run's predictions
 * @param lowerBound the {@code 1 - confidence} percentile of the resampled drops: the drop is at
 *                   least this large at the given one-sided confidence
 * @param confidence the one-sided confidence of {@code lowerBound}, for example 0.95
 * @param sentences the number of sentences both runs predicted
 */
public record PairedDrop(double before, double after, double lowerBound, double confidence, int sentences) {

    /** The observed drop, {@code before - after} (negative when the metric rose). */
    public double drop() {
        return before - after;
    }
}
