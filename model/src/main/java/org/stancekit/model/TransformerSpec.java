package org.stancekit.model;

import java.util.Objects;
import java.util.Set;

/**
 * The manifest's record of a transformer model: which pretrained encoder it was fine-tuned from
 * (its Maven coordinates and the SHA-256 of its weights file, checked when the bundle is loaded)
 * and the network's shape.
 *
 * @param base the base encoder's name ({@code all-minilm-l6-v2})
 * @param coordinates the Maven coordinates of the jar that holds it
 * @param sha256 SHA-256 of its ONNX weights file, hex
 * @param layers encoder layers used, from the bottom
 * @param maxTokens word pieces read per sentence at most
 * @param pooling {@code mentions}, {@code markers} or {@code both} (what the stance heads read)
 */
public record TransformerSpec(String base, String coordinates, String sha256, int layers, int maxTokens,
                              String pooling) {

    private static final Set<String> POOLINGS = Set.of("mentions", "markers", "both");

    public TransformerSpec {
        Objects.requireNonNull(base, "transformer.base");
        Objects.requireNonNull(coordinates, "transformer.coordinates");
        Objects.requireNonNull(sha256, "transformer.sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("transformer.sha256 must be 64 hex digits, got " + sha256);
        }
        if (layers < 1 || layers > 48) {
            throw new IllegalArgumentException("transformer.layers must be in 1..48, got " + layers);
        }
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("transformer.maxTokens must be in 8..512, got " + maxTokens);
        }
        if (!POOLINGS.contains(pooling)) {
            throw new IllegalArgumentException("transformer.pooling must be one of " + POOLINGS + ", got " + pooling);
        }
    }

    /** Whether the stance heads read the mean at each party's mentions. */
    public boolean mentionPooling() {
        return !pooling.equals("markers");
    }

    /** Whether learned entity markers are added at mentions. */
    public boolean markers() {
        return !pooling.equals("mentions");
    }
}
