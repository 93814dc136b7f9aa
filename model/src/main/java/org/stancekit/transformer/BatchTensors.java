package org.stancekit.transformer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The placeholder values of one batch: sentences padded to one length, with their input
 * embeddings, attention mask, pooling weights, "not named" flags and entity-marker positions.
 * Everything about a sentence is computed from that sentence alone; padding is masked out of
 * attention (bias -10000, which underflows to an exact zero weight) and out of pooling.
 */
public final class BatchTensors {

    private BatchTensors() {
    }

    /**
     * Builds the inputs of a batch.
     *
     * @param tables the frozen input tables
     * @param heads attention heads
     * @param sentences the batch; each no longer than {@code length}
     * @param length the padded length
     * @param parties number of parties
     * @param mentionPooling whether heads read the mean at each party's mentions (else those rows stay 0)
     * @param markers whether the graph has entity markers
     */
    static Map<String, INDArray> inputs(EmbeddingTables tables, int heads, List<SentenceTokens> sentences, int length,
                                        int parties, boolean mentionPooling, boolean markers) {
        int batch = sentences.size();
        int width = tables.width();
        int tokens = batch * length;
        float[] embeddings = new float[tokens * width];
        float[] bias = new float[tokens];
        float[] pool = new float[batch * (parties + 1) * length];
        float[] marks = markers ? new float[tokens * parties] : null;
        Map<String, INDArray> in = new HashMap<>();
        float[][] absent = new float[parties][batch];
        for (int b = 0; b < batch; b++) {
            SentenceTokens s = sentences.get(b);
            if (s.length() > length) {
                throw new IllegalArgumentException("sentence of " + s.length() + " tokens in a batch of length " + length);
            }
            int row = b * length;
            for (int t = 0; t < length; t++) {
                if (t < s.length()) {
                    tables.sum(s.ids()[t], t, embeddings, (row + t) * width);
                } else {
                    bias[row + t] = -10000f;
                }
            }
            int poolRow = b * (parties + 1) * length;
            for (int t = 0; t < s.length(); t++) {
                pool[poolRow + t] = 1f / s.length();
            }
            for (int k = 0; k < parties; k++) {
                int[] m = s.mentions()[k];
                absent[k][b] = m.length == 0 ? 1f : 0f;
                for (int t : m) {
                    if (mentionPooling) {
                        pool[poolRow + (k + 1) * length + t] = 1f / m.length;
                    }
                    if (marks != null) {
                        marks[(row + t) * parties + k] = 1f;
                    }
                }
            }
        }
        in.put(EncoderGraph.EMBEDDINGS, Nd4j.create(embeddings, new long[] {tokens, width}, 'c'));
        in.put(EncoderGraph.ATTENTION_BIAS, Nd4j.create(bias, new long[] {batch, 1, 1, length}, 'c'));
        in.put(EncoderGraph.HEAD_SHAPE, Nd4j.createFromArray(new long[] {batch, length, heads, width / heads}));
        in.put(EncoderGraph.FLAT_SHAPE, Nd4j.createFromArray(new long[] {tokens, width}));
        in.put(StanceGraph.HIDDEN_SHAPE, Nd4j.createFromArray(new long[] {batch, length, width}));
        in.put(StanceGraph.POOL, Nd4j.create(pool, new long[] {batch, parties + 1, length}, 'c'));
        for (int k = 0; k < parties; k++) {
            in.put(StanceGraph.absent(k), Nd4j.create(absent[k], new long[] {batch, 1}, 'c'));
        }
        if (marks != null) {
            in.put(StanceGraph.MARKERS, Nd4j.create(marks, new long[] {tokens, parties}, 'c'));
        }
        return in;
    }
}
