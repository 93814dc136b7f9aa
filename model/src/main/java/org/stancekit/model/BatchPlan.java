package org.stancekit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which sentences share a forward pass. A batch is as wide as its longest sentence and a network's
 * cost grows with rows × width, padding included, so sentences are ordered by length and cut into
 * batches that each hold at most {@code maxRows} sentences and at most {@code maxCells} rows ×
 * width: short sentences travel in big batches, the few long ones in small ones, and nearly every
 * cell is real input. For the fast model (features per sentence) this made forward passes about
 * 1.3 times cheaper than equal-count batches of sorted sentences, and about 3 times cheaper than
 * batches in reading order. With {@code oneLengthPerBatch} a batch never mixes lengths: the
 * transformer's lengths are padded lengths, and a sentence's arithmetic then never depends on its
 * batch-mates. Results are put back in reading order afterwards, so output order never depends on
 * the plan.
 */
public final class BatchPlan {

    private BatchPlan() {
    }

    /**
     * Cuts sentence indices {@code 0..lengths.length-1} into batches, shortest sentences first;
     * ties keep reading order, so the plan is a function of the input alone.
     *
     * @param lengths each sentence's length (features, or padded tokens)
     * @param maxRows sentences per batch at most
     * @param maxCells rows × width per batch at most (a longer sentence than this gets a batch of its own)
     * @param oneLengthPerBatch whether a batch may only hold sentences of one length
     */
    public static int[][] plan(int[] lengths, int maxRows, int maxCells, boolean oneLengthPerBatch) {
        if (maxRows < 1 || maxCells < 1) {
            throw new IllegalArgumentException("batch limits must be positive, got " + maxRows + " rows, " + maxCells + " cells");
        }
        int n = lengths.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) lengths[i] << 32) | i;
        }
        Arrays.sort(keys);
        List<int[]> batches = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = from + 1;
            // Sorted by length, so the sentence at 'to' sets the width if it joins.
            while (to < n && to - from < maxRows && (long) (to - from + 1) * (keys[to] >>> 32) <= maxCells
                    && (!oneLengthPerBatch || keys[to] >>> 32 == keys[from] >>> 32)) {
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
