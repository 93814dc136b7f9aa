package org.stancekit.transformer;

import java.util.List;

/**
 * The stance and sentiment heads outside the graph: pooling and the linear layers of
 * {@link StanceGraph}, computed from token states in Java for the scoring engine.
 *
 * @param weights per head (parties, then sentiment), its {@code [inputs, classes]} matrix, row-major
 * @param biases per head, its bias
 * @param width the encoder's width
 * @param mentionPooling whether the stance heads read the mean at the party's mentions
 */
public record HeadWeights(List<float[]> weights, List<float[]> biases, int width, boolean mentionPooling) {

    /**
     * Every head's logits for one sentence.
     *
     * @param states the sentence's token states (padding rows beyond its length are ignored)
     * @param sentence the sentence's tokens and mentions
     * @return per head, the logits
     */
    public float[][] logits(float[][] states, SentenceTokens sentence) {
        int n = sentence.length();
        float[] mean = new float[width];
        for (int t = 0; t < n; t++) {
            for (int d = 0; d < width; d++) {
                mean[d] += states[t][d];
            }
        }
        for (int d = 0; d < width; d++) {
            mean[d] /= n;
        }
        int parties = weights.size() - 1;
        float[][] out = new float[parties + 1][];
        for (int h = 0; h < parties; h++) {
            float[] input = new float[2 * width + 1];
            System.arraycopy(mean, 0, input, 0, width);
            int[] m = sentence.mentions()[h];
            if (m.length == 0) {
                input[2 * width] = 1f;
            } else if (mentionPooling) {
                for (int t : m) {
                    for (int d = 0; d < width; d++) {
                        input[width + d] += states[t][d];
                    }
                }
                for (int d = 0; d < width; d++) {
                    input[width + d] /= m.length;
                }
            }
            out[h] = linear(input, h);
        }
        out[parties] = linear(mean, parties);
        return out;
    }

    private float[] linear(float[] input, int head) {
        float[] w = weights.get(head);
        float[] b = biases.get(head);
        int classes = b.length;
        if (w.length != input.length * classes) {
            throw new IllegalStateException("head " + head + " has " + w.length + " weights for " + input.length
                    + " inputs and " + classes + " classes");
        }
        float[] out = b.clone();
        for (int i = 0; i < input.length; i++) {
            float x = input[i];
            if (x != 0f) {
                for (int c = 0; c < classes; c++) {
                    out[c] += x * w[i * classes + c];
                }
            }
        }
        return out;
    }
}
