package org.stancekit.network;

import java.util.List;

/**
 * Architecture and optimiser settings of the stance network.
 *
 * @param embeddingSize width of the feature embeddings
 * @param hiddenSize width of the shared hidden layer
 * @param dropout probability of dropping a hidden unit while training (0 = none)
 * @param learningRate Adam learning rate
 * @param l2 L2 weight decay
 * @param encoder how the feature embeddings become one sentence vector: {@code avg} (a masked
 *                average, fastText's bag), {@code max} (masked max pooling), {@code avg+max}
 *                (both, side by side) or {@code cnn} (a width-3 convolution over the features in
 *                the encoder's order, ReLU, then max pooling) or {@code lstm} (a recurrent layer
 *                over the same sequence, then masked averaging of its states); missing in
 *                bundles written before it existed, which read as {@code avg}
 */
public record NetworkSpec(int embeddingSize, int hiddenSize, double dropout, double learningRate, double l2,
                          String encoder) {

    /** The sentence encoders {@link #encoder} may name. */
    public static final List<String> ENCODERS = List.of("avg", "max", "avg+max", "cnn", "lstm");

    /**
     * The settings of the shipped model. Embeddings of 48, not 64: with character 3-grams a
     * sentence has about three times the features, and the embedding lookups are most of the
     * forward pass; 48 kept the accuracy of 64 over three seeds within noise and scores about 30%
     * faster (README, model comparison).
     */
    public static final NetworkSpec DEFAULT = new NetworkSpec(48, 64, 0.3, 0.005, 1e-5, "avg");

    public NetworkSpec {
        if (encoder == null) {
            encoder = "avg";
        }
        if (!ENCODERS.contains(encoder)) {
            throw new IllegalArgumentException("encoder must be one of " + ENCODERS + ", got '" + encoder + "'");
        }
        if (embeddingSize < 1 || embeddingSize > 1024) {
            throw new IllegalArgumentException("embeddingSize must be in 1..1024, got " + embeddingSize);
        }
        if (hiddenSize < 1 || hiddenSize > 4096) {
            throw new IllegalArgumentException("hiddenSize must be in 1..4096, got " + hiddenSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (!(l2 >= 0 && l2 < 1)) {
            throw new IllegalArgumentException("l2 must be in [0, 1), got " + l2);
        }
    }
}
