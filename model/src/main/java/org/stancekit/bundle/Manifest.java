package org.stancekit.bundle;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.stancekit.domain.LabelSchema;
import org.stancekit.features.FeatureSettings;
import org.stancekit.network.NetworkSpec;

/**
 * What a bundle says about itself: enough to load it safely and to trace where it came from.
 *
 * @param formatVersion the bundle layout version; readers refuse any other
 * @param schema the labels the network predicts
 * @param features how sentences were encoded
 * @param network the architecture
 * @param training the full training configuration, as properties
 * @param seed the training seed
 * @param trainingData SHA-256 of every file the model was trained on, by file name
 * @param metrics test metrics measured right after training, by {@code metrics.json} key
 * @param libraries versions of the libraries that wrote the bundle
 * @param createdAt ISO-8601 creation time
 * @param decisionBias per output ({@code stance_<party>}, {@code sentiment}), log-weights added to
 *                     the classes' log-probabilities before the argmax, tuned on dev for macro-F1;
 *                     empty (as in older manifests) means plain argmax
 */
public record Manifest(int formatVersion, LabelSchema schema, FeatureSettings features, NetworkSpec network,
                       Map<String, String> training, long seed, Map<String, String> trainingData,
                       Map<String, Double> metrics, Map<String, String> libraries, String createdAt,
                       Map<String, double[]> decisionBias) {

    /** The only format version this StanceKit reads and writes. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        Objects.requireNonNull(schema, "manifest.schema");
        Objects.requireNonNull(features, "manifest.features");
        Objects.requireNonNull(network, "manifest.network");
        training = sorted(training);
        trainingData = sorted(trainingData);
        metrics = sorted(metrics);
        libraries = sorted(libraries);
        Objects.requireNonNull(createdAt, "manifest.createdAt");
        decisionBias = sorted(decisionBias);
    }

    /** A manifest without decision biases. */
    public Manifest(int formatVersion, LabelSchema schema, FeatureSettings features, NetworkSpec network,
                    Map<String, String> training, long seed, Map<String, String> trainingData,
                    Map<String, Double> metrics, Map<String, String> libraries, String createdAt) {
        this(formatVersion, schema, features, network, training, seed, trainingData, metrics, libraries, createdAt, Map.of());
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
                && features.equals(m.features) && network.equals(m.network) && training.equals(m.training)
                && trainingData.equals(m.trainingData) && metrics.equals(m.metrics) && libraries.equals(m.libraries)
                && createdAt.equals(m.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, schema, features, network, training, seed, trainingData, metrics,
                libraries, createdAt, decisionBias.keySet());
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** A copy with other metrics (the trainer fills them in after evaluating on test). */
    public Manifest withMetrics(Map<String, Double> newMetrics) {
        return new Manifest(formatVersion, schema, features, network, training, seed, trainingData,
                newMetrics, libraries, createdAt, decisionBias);
    }

    /** A copy with decision biases (the trainer tunes them on dev after training). */
    public Manifest withDecisionBias(Map<String, double[]> biases) {
        return new Manifest(formatVersion, schema, features, network, training, seed, trainingData,
                metrics, libraries, createdAt, biases);
    }
}
