package org.stancekit.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the SameDiff network (the training graph) over any number of sentences, for the tests that
 * hold the scoring engine to it: they are grouped by padded length
 * ({@link TransformerNetwork#paddedLength}), each group cut into batches of at most
 * {@code batchSize}, and the logits put back in input order. Grouping by length means dynamic
 * padding wastes almost nothing, and a sentence's arithmetic is the same in every batch.
 */
final class LengthBatches {

    private LengthBatches() {
    }

    /**
     * @return per sentence (input order), per head, the logits
     */
    static float[][][] logits(TransformerNetwork network, List<SentenceTokens> sentences, int batchSize) {
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            byLength.computeIfAbsent(TransformerNetwork.paddedLength(sentences.get(i).length()), k -> new ArrayList<>()).add(i);
        }
        float[][][] out = new float[sentences.size()][][];
        for (List<Integer> group : byLength.values()) {
            for (int start = 0; start < group.size(); start += batchSize) {
                List<Integer> idx = group.subList(start, Math.min(group.size(), start + batchSize));
                float[][][] logits = network.logits(idx.stream().map(sentences::get).toList());
                for (int b = 0; b < idx.size(); b++) {
                    float[][] row = new float[logits.length][];
                    for (int h = 0; h < logits.length; h++) {
                        row[h] = logits[h][b];
                    }
                    out[idx.get(b)] = row;
                }
            }
        }
        return out;
    }
}
