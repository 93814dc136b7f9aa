package org.stancekit.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.stancekit.domain.LabelSchema;
import org.stancekit.features.FeatureSettings;
import org.stancekit.network.NetworkSpec;

/**
 * What a bundle says about itself: enough to load it safely and to trace where it came from.
 *
 * @param formatVersion the bundle layout version; readers refuse versions they do not know
 * @param schema the labels the network predicts
 * @param features how sentences were encoded (fast models; null for transformer models)
 * @param network the architecture (fast models; null for transformer models)
 * @param training the full training configuration, as properties
 * @param seed the training seed
 * @param trainingData SHA-256 of every file the model was trained on, by file name
 * @param metrics test metrics measured right after training, by {@code metrics.json} key
 * @param libraries versions of the libraries that wrote the bundle
 * @param createdAt ISO-8601 creation time
 * @param decisionBias per output ({@code stance_<party>}, {@code sentiment}), log-weights added to
 *                     the classes' log-probabilities before the argmax, tuned on dev for macro-F1;
 *                     empty (as in older manifests) means plain argmax
 * @param kind {@value #FAST} or {@value #TRANSFORMER} (absent in format version 1, which held fast models only)
 * @param transformer the base encoder and shape of a transformer model; null for fast models
 * @param temperatures per head, the temperature its logits are divided by before the softmax,
 *                     fitted on dev (calibration); empty means 1
 */
public record Manifest(int formatVersion, LabelSchema schema, FeatureSettings features, NetworkSpec network,
                       Map<String, String> training, long seed, Map<String, String> trainingData,
                       Map<String, Double> metrics, Map<String, String> libraries, String createdAt,
                       Map<String, double[]> decisionBias, String kind, TransformerSpec transformer,
                       Map<String, Double> temperatures) {

    /** The format version this StanceKit writes: version 2 added transformer models. */
    public static final int FORMAT_VERSION = 2;
    /** The oldest format version this StanceKit reads. */
    public static final int OLDEST_FORMAT_VERSION = 1;
    /** {@link #kind} of the bag-of-features model. */
    public static final String FAST = "fast";
    /** {@link #kind} of the fine-tuned transformer model. */
    public static final String TRANSFORMER = "transformer";

    public Manifest {
        Objects.requireNonNull(schema, "manifest.schema");
        kind = kind == null ? FAST : kind;
        if (!kind.equals(FAST) && !kind.equals(TRANSFORMER)) {
            throw new IllegalArgumentException("manifest.kind must be " + FAST + " or " + TRANSFORMER + ", got " + kind);
        }
        if (kind.equals(FAST)) {
            Objects.requireNonNull(features, "manifest.features");
            Objects.requireNonNull(network, "manifest.network");
        } else {
            Objects.requireNonNull(transformer, "manifest.transformer");
        }
        temperatures = sorted(temperatures);
        for (Map.Entry<String, Double> t : temperatures.entrySet()) {
            if (!schema.heads().contains(t.getKey())) {
                throw new IllegalArgumentException("manifest.temperatures names an unknown head '" + t.getKey() + "'");
            }
            if (t.getValue() == null || !(t.getValue() > 0) || t.getValue().isInfinite()) {
                throw new IllegalArgumentException("manifest.temperatures." + t.getKey() + " must be a positive number, got "
                        + t.getValue());
            }
        }
        training = sorted(training);
        trainingData = sorted(trainingData);
        metrics = sorted(metrics);
        libraries = sorted(libraries);
        Objects.requireNonNull(createdAt, "manifest.createdAt");
        decisionBias = sorted(decisionBias);
        java.util.List<String> heads = schema.heads();
        for (Map.Entry<String, double[]> b : decisionBias.entrySet()) {
            int h = heads.indexOf(b.getKey());
            if (h < 0) {
                throw new IllegalArgumentException("manifest.decisionBias names an unknown head '" + b.getKey()
                        + "' (heads: " + heads + ")");
            }
            int classes = h < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
            if (b.getValue() == null || b.getValue().length != classes) {
                throw new IllegalArgumentException("manifest.decisionBias." + b.getKey() + " must hold " + classes
                        + " numbers, got " + (b.getValue() == null ? "none" : b.getValue().length));
            }
            for (double v : b.getValue()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("manifest.decisionBias." + b.getKey() + " holds " + v
                            + "; every value must be a finite number");
                }
            }
        }
    }

    /** A fast model's manifest without decision biases. */
    public Manifest(int formatVersion, LabelSchema schema, FeatureSettings features, NetworkSpec network,
                    Map<String, String> training, long seed, Map<String, String> trainingData,
                    Map<String, Double> metrics, Map<String, String> libraries, String createdAt) {
        this(formatVersion, schema, features, network, training, seed, trainingData, metrics, libraries, createdAt, Map.of());
    }

    /** A fast model's manifest. */
    public Manifest(int formatVersion, LabelSchema schema, FeatureSettings features, NetworkSpec network,
                    Map<String, String> training, long seed, Map<String, String> trainingData,
                    Map<String, Double> metrics, Map<String, String> libraries, String createdAt,
                    Map<String, double[]> decisionBias) {
        this(formatVersion, schema, features, network, training, seed, trainingData, metrics, libraries, createdAt,
                decisionBias, FAST, null, Map.of());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Manifest m)) {
            return false;
        }
        // Records compare arrays by identity; compare the bias vectors by content.
        boolean biases = decisionBias.size() == m.decisionBias.size() && decisionBias.entrySet().stream()
                .allMatch(e -> java.util.Arrays.equals(e.getValue(), m.decisionBias.get(e.getKey())));
        return biases && formatVersion == m.formatVersion && seed == m.seed && schema.equals(m.schema)
                && Objects.equals(features, m.features) && Objects.equals(network, m.network) && training.equals(m.training)
                && trainingData.equals(m.trainingData) && metrics.equals(m.metrics) && libraries.equals(m.libraries)
                && createdAt.equals(m.createdAt) && kind.equals(m.kind) && Objects.equals(transformer, m.transformer)
                && temperatures.equals(m.temperatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, schema, features, network, training, seed, trainingData, metrics,
                libraries, createdAt, decisionBias.keySet(), kind, transformer, temperatures);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** A copy with other metrics (the trainer fills them in after evaluating on test). */
    public Manifest withMetrics(Map<String, Double> newMetrics) {
        return new Manifest(formatVersion, schema, features, network, training, seed, trainingData,
                newMetrics, libraries, createdAt, decisionBias, kind, transformer, temperatures);
    }

    /** A copy with decision biases (the trainer tunes them on dev after training). */
    public Manifest withDecisionBias(Map<String, double[]> biases) {
        return new Manifest(formatVersion, schema, features, network, training, seed, trainingData,
                metrics, libraries, createdAt, biases, kind, transformer, temperatures);
    }

    /** A copy with other temperatures (calibration fits them on dev after training). */
    public Manifest withTemperatures(Map<String, Double> newTemperatures) {
        return new Manifest(formatVersion, schema, features, network, training, seed, trainingData,
                metrics, libraries, createdAt, decisionBias, kind, transformer, newTemperatures);
    }

    /**
     * Where the model came from, for reports: its kind, base encoder (Maven coordinates and weights
     * SHA-256), configuration, seed, the SHA-256 of its training data, temperatures and creation time.
     */
    public Map<String, String> provenance() {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("kind", kind);
        if (transformer != null) {
            p.put("base encoder", transformer.base() + " (" + transformer.coordinates() + ")");
            p.put("base weights SHA-256", transformer.sha256());
            p.put("layers, pooling, max tokens", transformer.layers() + ", " + transformer.pooling() + ", "
                    + transformer.maxTokens());
        }
        p.put("configuration", String.join(", ", training.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList()));
        p.put("seed", Long.toString(seed));
        trainingData.forEach((file, sha) -> p.put("data " + file, sha));
        if (!temperatures.isEmpty()) {
            p.put("temperatures", String.join(", ", temperatures.entrySet().stream()
                    .map(e -> e.getKey() + "=" + String.format(java.util.Locale.ROOT, "%.3f", e.getValue())).toList()));
        }
        p.put("created", createdAt);
        return p;
    }

    /** Whether this is a transformer model's manifest. */
    public boolean describesTransformer() {
        return kind.equals(TRANSFORMER);
    }
}
