package org.stancekit.inference.pipeline;

import java.util.Arrays;

/**
 * Which sentences of a window share a forward pass. A batch is as wide as its longest sentence
 * and the network's cost grows with that width, so sentences are ordered by feature count before
 * they are cut into batches: on the labelled data (39 features on average, 200 at most) this
 * made forward passes about three times cheaper than batches in reading order. Results are put
 * back in reading order afterwards, so output order never depends on the plan.
 */
public final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * Cuts sentence indices {@code 0..features.length-1} into batches of at most
     * {@code batchSize}, shortest sentences first; ties keep reading order, so the plan is a
     * function of the input alone.
     */
    public static int[][] plan(int[][] features, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int n = features.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) features[i].length << 32) | i;
        }
        Arrays.sort(keys);
        int[][] batches = new int[(n + batchSize - 1) / batchSize][];
        for (int b = 0; b < batches.length; b++) {
            int from = b * batchSize;
            int[] batch = new int[Math.min(batchSize, n - from)];
            for (int k = 0; k < batch.length; k++) {
                batch[k] = (int) keys[from + k];
            }
            batches[b] = batch;
        }
        return batches;
    }
}
