package org.stancekit.inference.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which sentences of a window share a forward pass. A batch is as wide as its longest sentence
 * and the network's cost grows with rows × width, padding included, so sentences are ordered by
 * feature count and cut into batches that each hold at most {@code maxRows} sentences and at most
 * {@code maxCells} rows × width: short sentences travel in big batches, the few long ones in small
 * ones, and nearly every cell is a real feature. On the labelled data (39 features on average, 200
 * at most) this made forward passes about 1.3 times cheaper than equal-count batches of sorted
 * sentences, and about 3 times cheaper than batches in reading order. Results are put back in
 * reading order afterwards, so output order never depends on the plan.
 */
public final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * Cuts sentence indices {@code 0..features.length-1} into batches, shortest sentences first;
     * ties keep reading order, so the plan is a function of the input alone.
     *
     * @param maxRows sentences per batch at most
     * @param maxCells rows × width per batch at most (a longer sentence than this gets a batch of its own)
     */
    public static int[][] plan(int[][] features, int maxRows, int maxCells) {
        if (maxRows < 1 || maxCells < 1) {
            throw new IllegalArgumentException("batch limits must be positive, got " + maxRows + " rows, " + maxCells + " cells");
        }
        int n = features.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) features[i].length << 32) | i;
        }
        Arrays.sort(keys);
        List<int[]> batches = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = from + 1;
            // Sorted by length, so the sentence at 'to' sets the width if it joins.
            while (to < n && to - from < maxRows && (long) (to - from + 1) * (keys[to] >>> 32) <= maxCells) {
                to++;
            }
            int[] batch = new int[to - from];
            for (int k = from; k < to; k++) {
                batch[k - from] = (int) keys[k];
            }
            batches.add(batch);
            from = to;
        }
        return batches.toArray(int[][]::new);
    }
}
