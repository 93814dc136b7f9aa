package org.stancekit.training.transformer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Batches for a training epoch: the examples are shuffled, cut into pools of 50 batches, each pool
 * sorted by length and cut into batches, and the batches shuffled. Sentences of similar length then
 * share a batch (padding wastes little compute) while every epoch still sees them in a new order.
 */
final class LengthBuckets {

    private static final int BATCHES_PER_POOL = 50;

    private LengthBuckets() {
    }

    /**
     * @param examples how many examples there are (indices 0..n-1)
     * @param length the length of example {@code i}
     * @param batchSize examples per batch
     * @param random the epoch's randomness
     * @return batches of example indices
     */
    static List<int[]> batches(int examples, IntUnaryOperator length, int batchSize, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<int[]> batches = new ArrayList<>();
        int pool = batchSize * BATCHES_PER_POOL;
        for (int start = 0; start < order.size(); start += pool) {
            List<Integer> chunk = new ArrayList<>(order.subList(start, Math.min(order.size(), start + pool)));
            chunk.sort(Comparator.comparingInt(length::applyAsInt));
            for (int b = 0; b < chunk.size(); b += batchSize) {
                batches.add(chunk.subList(b, Math.min(chunk.size(), b + batchSize)).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
