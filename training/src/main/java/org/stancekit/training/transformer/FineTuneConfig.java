package org.stancekit.training.transformer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.stancekit.transformer.BaseEncoder;

/**
 * Hyperparameters of a transformer fine-tune, validated on construction; the {@code transformer.*}
 * keys of a {@code stancekit train --config} file.
 *
 * @param base the pretrained encoder ({@link BaseEncoder#named})
 * @param layers encoder layers used, from the bottom; 0 means all (fewer make a small model for tests)
 * @param pooling {@code mentions}: heads read the mean at the party's mentions beside the sentence
 *                mean; {@code markers}: learned entity markers at mentions, heads read the sentence
 *                mean; {@code both}
 * @param maxTokens word pieces per sentence at most (the rest is cut)
 * @param epochs passes over the training split at most
 * @param batchSize sentences per step
 * @param encoderLearningRate peak learning rate of the encoder's weights
 * @param headLearningRate peak learning rate of the heads (new weights learn faster)
 * @param warmup share of steps over which the rate rises linearly from 0; it then falls linearly to 0
 * @param weightDecay AdamW's decoupled weight decay (not on biases and LayerNorm)
 * @param classWeightPower loss weight of a class is {@code (mean count / class count)^power}, per head,
 *                         clipped to [0.1, 10] ({@link org.stancekit.training.ClassWeights})
 * @param patience epochs without a better dev score before stopping
 * @param threads replicas computing a batch's gradient in parallel, one native thread each; 2 by
 *                default whatever the machine, because how a batch is split among replicas
 *                changes the rounding of the summed gradient, and the same seed must give the
 *                same model everywhere
 */
public record FineTuneConfig(String base, int layers, String pooling, int maxTokens, int epochs, int batchSize,
                             double encoderLearningRate, double headLearningRate, double warmup, double weightDecay,
                             double classWeightPower, int patience, int threads) {

    private static final Set<String> POOLINGS = Set.of("mentions", "markers", "both");

    /** The configuration of the shipped model. */
    public static final FineTuneConfig DEFAULT = new FineTuneConfig(BaseEncoder.MINILM.name(), 0, "mentions", 128, 3, 16,
            5e-5, 1e-3, 0.1, 0.01, 0.5, 1, 2);

    public FineTuneConfig {
        BaseEncoder.named(base);
        check(layers >= 0 && layers <= 48, "transformer.layers must be in 0..48, got " + layers);
        check(POOLINGS.contains(pooling), "transformer.pooling must be one of " + POOLINGS + ", got " + pooling);
        check(maxTokens >= 8 && maxTokens <= 512, "transformer.maxTokens must be in 8..512, got " + maxTokens);
        check(epochs >= 1 && epochs <= 100, "transformer.epochs must be in 1..100, got " + epochs);
        check(batchSize >= 1 && batchSize <= 1024, "transformer.batchSize must be in 1..1024, got " + batchSize);
        check(encoderLearningRate >= 0 && encoderLearningRate < 1, "transformer.encoderLearningRate must be in [0, 1)");
        check(headLearningRate > 0 && headLearningRate < 1, "transformer.headLearningRate must be in (0, 1)");
        check(warmup >= 0 && warmup < 1, "transformer.warmup must be in [0, 1)");
        check(weightDecay >= 0 && weightDecay < 1, "transformer.weightDecay must be in [0, 1)");
        check(classWeightPower >= 0 && classWeightPower <= 2, "transformer.classWeightPower must be in [0, 2]");
        check(patience >= 1, "transformer.patience must be at least 1");
        check(threads >= 1 && threads <= 64, "transformer.threads must be in 1..64, got " + threads);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Whether the heads read the mean at each party's mentions. */
    public boolean mentionPooling() {
        return !pooling.equals("markers");
    }

    /** Whether learned entity markers are added at mentions. */
    public boolean markers() {
        return !pooling.equals("mentions");
    }

    /** The configuration as ordered key/value pairs. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("transformer.base", base);
        m.put("transformer.layers", Integer.toString(layers));
        m.put("transformer.pooling", pooling);
        m.put("transformer.maxTokens", Integer.toString(maxTokens));
        m.put("transformer.epochs", Integer.toString(epochs));
        m.put("transformer.batchSize", Integer.toString(batchSize));
        m.put("transformer.encoderLearningRate", Double.toString(encoderLearningRate));
        m.put("transformer.headLearningRate", Double.toString(headLearningRate));
        m.put("transformer.warmup", Double.toString(warmup));
        m.put("transformer.weightDecay", Double.toString(weightDecay));
        m.put("transformer.classWeightPower", Double.toString(classWeightPower));
        m.put("transformer.patience", Integer.toString(patience));
        m.put("transformer.threads", Integer.toString(threads));
        return m;
    }

    /** Builds a configuration from {@link #toMap}'s keys; missing keys keep the defaults. */
    public static FineTuneConfig fromMap(Map<String, String> given) {
        Map<String, String> m = new LinkedHashMap<>(DEFAULT.toMap());
        given.forEach((k, v) -> {
            if (k.startsWith("transformer.")) {
                m.put(k, v.strip());
            }
        });
        Function<String, Integer> i = k -> number(m, k, Integer::parseInt);
        Function<String, Double> d = k -> number(m, k, Double::parseDouble);
        return new FineTuneConfig(m.get("transformer.base"), i.apply("transformer.layers"), m.get("transformer.pooling"),
                i.apply("transformer.maxTokens"), i.apply("transformer.epochs"), i.apply("transformer.batchSize"),
                d.apply("transformer.encoderLearningRate"), d.apply("transformer.headLearningRate"),
                d.apply("transformer.warmup"), d.apply("transformer.weightDecay"),
                d.apply("transformer.classWeightPower"), i.apply("transformer.patience"), i.apply("transformer.threads"));
    }

    private static <T> T number(Map<String, String> m, String key, Function<String, T> parser) {
        try {
            return parser.apply(m.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key " + key + ": '" + m.get(key) + "' is not a number");
        }
    }
}
