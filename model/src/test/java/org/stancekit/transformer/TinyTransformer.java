package org.stancekit.transformer;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.stancekit.model.Manifest;
import org.stancekit.model.TransformerSpec;
import org.stancekit.bundle.Versions;
import org.stancekit.domain.LabelSchema;
import org.stancekit.text.PartyLexicon;

/**
 * A small transformer model for tests of the scoring engine and the bundle format: the first two
 * layers of the pretrained encoder, slightly perturbed (so that stored deltas are not zero), and
 * seeded random heads. Untrained, but deterministic, which is what these tests need.
 */
public final class TinyTransformer {

    private static EncoderWeights weights;

    private TinyTransformer() {
    }

    /** The base encoder's weights, read once. */
    public static synchronized EncoderWeights base() throws IOException {
        if (weights == null) {
            weights = EncoderWeights.read(BaseEncoder.MINILM);
        }
        return weights;
    }

    /** The tiny model's weights, from {@code seed}. */
    public static Map<String, float[]> weights(long seed, String pooling) throws IOException {
        EncoderWeights base = base();
        Random random = new Random(seed);
        Map<String, float[]> out = new LinkedHashMap<>();
        TransformerModel.tensorShapes(base, 2, LabelSchema.DEFAULT, !pooling.equals("mentions")).forEach((name, shape) -> {
            int size = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] w = new float[size];
            float[] pretrained = base.tensors().get(name);
            for (int i = 0; i < size; i++) {
                w[i] = pretrained != null ? pretrained[i] * (1 + 0.01f * (float) random.nextGaussian())
                        : (float) (0.5 * random.nextGaussian());
            }
            out.put(name, w);
        });
        return out;
    }

    /** The tiny model's manifest. */
    public static Manifest manifest(String pooling) throws IOException {
        return new Manifest(Manifest.FORMAT_VERSION, LabelSchema.DEFAULT, null, null, Map.of("model", "transformer"), 1,
                Map.of("tiny.csv", "0".repeat(64)), Map.of(), Versions.libraries(), Instant.EPOCH.toString(), Map.of(),
                Manifest.TRANSFORMER, new TransformerSpec(BaseEncoder.MINILM.name(), BaseEncoder.MINILM.coordinates(),
                        base().sha256(), 2, 128, pooling), Map.of());
    }

    /** A tiny model with mention pooling, from {@code seed}. */
    public static TransformerModel model(long seed) throws IOException {
        return TransformerModel.create(manifest("mentions"), base(),
                TransformerModel.weightsFile(weights(seed, "mentions"), base(), 2, LabelSchema.DEFAULT, false),
                PartyLexicon.loadDefault(), 1);
    }
}
