package org.stancekit.training;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.stancekit.features.FeatureSettings;
import org.stancekit.network.NetworkSpec;

/**
 * Every hyperparameter of a training run, validated on construction, with a round trip through a
 * properties file ({@code stancekit train --config FILE}). Keys not set in a file keep their
 * defaults; unknown keys are an error, so that a typo never silently trains another model.
 *
 * @param features featurisation
 * @param network architecture and optimiser
 * @param epochs passes over the training split at most
 * @param batchSize sentences per gradient step
 * @param patience epochs without a better dev score before stopping early
 * @param classWeightPower class weights are {@code (mean count / class count)^power} per head:
 *                         0 turns weighting off, 1 is fully balanced, 0.5 a damped middle
 * @param auxiliaryWeight weight of an auxiliary example's loss relative to a labelled sentence's
 *                        (auxiliary labels follow other definitions, so they count less)
 * @param tuneDecisionBias tune per-class decision biases on dev for macro-F1 after training
 * @param distillationWeight weight of a distilled example's loss (labelled by another model,
 *                           {@code train --distilled}) relative to a labelled sentence's
 */
public record TrainingConfig(FeatureSettings features, NetworkSpec network, int epochs, int batchSize,
                             int patience, double classWeightPower, double auxiliaryWeight, boolean tuneDecisionBias,
                             double distillationWeight) {

    private static final double DEFAULT_DISTILLATION_WEIGHT = 0.5;

    /** The configuration of the shipped fast model. */
    public static final TrainingConfig DEFAULT = new TrainingConfig(FeatureSettings.DEFAULT, NetworkSpec.DEFAULT,
            30, 32, 5, 0.5, 0.5, true, DEFAULT_DISTILLATION_WEIGHT);

    public TrainingConfig {
        if (epochs < 1 || epochs > 1000) {
            throw new IllegalArgumentException("epochs must be in 1..1000, got " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batchSize must be in 1..65536, got " + batchSize);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        if (!(classWeightPower >= 0 && classWeightPower <= 2)) {
            throw new IllegalArgumentException("classWeightPower must be in [0, 2], got " + classWeightPower);
        }
        if (!(auxiliaryWeight >= 0 && auxiliaryWeight <= 1)) {
            throw new IllegalArgumentException("auxiliaryWeight must be in [0, 1], got " + auxiliaryWeight);
        }
        if (!(distillationWeight >= 0 && distillationWeight <= 1)) {
            throw new IllegalArgumentException("distillationWeight must be in [0, 1], got " + distillationWeight);
        }
    }

    /** The configuration as ordered key/value pairs (the properties file's content). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("features.ngrams", Integer.toString(features.ngrams()));
        m.put("features.contextWindow", Integer.toString(features.contextWindow()));
        m.put("features.minCount", Integer.toString(features.minCount()));
        m.put("features.maxVocabulary", Integer.toString(features.maxVocabulary()));
        m.put("features.maxFeatures", Integer.toString(features.maxFeatures()));
        m.put("features.charNgrams", Integer.toString(features.charNgrams()));
        m.put("features.sentenceEncoder", features.sentenceEncoder());
        m.put("network.embeddingSize", Integer.toString(network.embeddingSize()));
        m.put("network.hiddenSize", Integer.toString(network.hiddenSize()));
        m.put("network.dropout", Double.toString(network.dropout()));
        m.put("network.learningRate", Double.toString(network.learningRate()));
        m.put("network.l2", Double.toString(network.l2()));
        m.put("network.encoder", network.encoder());
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("patience", Integer.toString(patience));
        m.put("classWeightPower", Double.toString(classWeightPower));
        m.put("auxiliaryWeight", Double.toString(auxiliaryWeight));
        m.put("tuneDecisionBias", Boolean.toString(tuneDecisionBias));
        m.put("distillationWeight", Double.toString(distillationWeight));
        return m;
    }

    /**
     * Writes the configuration as a properties file, keys sorted and without the timestamp
     * {@link Properties#store} adds: the same configuration always gives the same text.
     */
    public void store(Writer out) throws IOException {
        out.write("# StanceKit training configuration\n");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(toMap()).entrySet()) {
            out.write(propertyLine(e.getKey(), e.getValue()));
            out.write('\n');
        }
    }

    /** One {@code key=value} line, escaped as {@link Properties#load} reads it back. */
    public static String propertyLine(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            one.store(text, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        // The first line is the timestamp comment, the last the entry.
        String[] lines = text.toString().strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** Reads a properties file over the defaults; {@code origin} names it in error messages. */
    public static TrainingConfig load(Reader in, String origin) throws IOException {
        Properties p = new Properties();
        p.load(in);
        Map<String, String> values = new LinkedHashMap<>(DEFAULT.toMap());
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(values.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(origin + ": unknown keys " + unknown + " (known: " + values.keySet() + ")");
        }
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).strip()));
        try {
            return fromMap(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    /** Builds a configuration from the map {@link #toMap} produces. */
    public static TrainingConfig fromMap(Map<String, String> m) {
        Function<String, Integer> i = k -> parse(m, k, Integer::parseInt);
        Function<String, Double> d = k -> parse(m, k, Double::parseDouble);
        Function<String, String> text = k -> parse(m, k, String::strip);
        return new TrainingConfig(
                new FeatureSettings(i.apply("features.ngrams"), i.apply("features.contextWindow"),
                        i.apply("features.minCount"), i.apply("features.maxVocabulary"), i.apply("features.maxFeatures"),
                        i.apply("features.charNgrams"),
                        // Absent from manifests written before sentence encoders existed.
                        m.getOrDefault("features.sentenceEncoder", FeatureSettings.NO_SENTENCE_ENCODER).strip()),
                new NetworkSpec(i.apply("network.embeddingSize"), i.apply("network.hiddenSize"),
                        d.apply("network.dropout"), d.apply("network.learningRate"), d.apply("network.l2"),
                        text.apply("network.encoder")),
                i.apply("epochs"), i.apply("batchSize"), i.apply("patience"), d.apply("classWeightPower"),
                d.apply("auxiliaryWeight"), parseBoolean(m, "tuneDecisionBias"),
                // Absent from manifests written before distillation existed.
                m.containsKey("distillationWeight") ? d.apply("distillationWeight") : DEFAULT_DISTILLATION_WEIGHT);
    }

    private static boolean parseBoolean(Map<String, String> m, String key) {
        String v = parse(m, key, String::strip);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("key " + key + ": '" + v + "' is not true or false");
        }
        return Boolean.parseBoolean(v);
    }

    private static <T> T parse(Map<String, String> m, String key, Function<String, T> parser) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing key " + key);
        }
        try {
            return parser.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key " + key + ": '" + v + "' is not a number");
        }
    }
}
