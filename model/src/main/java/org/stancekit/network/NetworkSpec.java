package org.stancekit.network;

/**
 * Architecture and optimiser settings of the stance network.
 *
 * @param embeddingSize width of the feature embeddings
 * @param hiddenSize width of the shared hidden layer
 * @param dropout probability of dropping a hidden unit while training (0 = none)
 * @param learningRate Adam learning rate
 * @param l2 L2 weight decay
 */
public record NetworkSpec(int embeddingSize, int hiddenSize, double dropout, double learningRate, double l2) {

    /** The settings of the shipped model. */
    public static final NetworkSpec DEFAULT = new NetworkSpec(64, 64, 0.3, 0.005, 1e-5);

    public NetworkSpec {
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
