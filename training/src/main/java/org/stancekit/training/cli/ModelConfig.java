package org.stancekit.training.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.stancekit.training.TrainingConfig;
import org.stancekit.training.transformer.FineTuneConfig;

/**
 * A {@code train --config} file: {@code model=transformer} (the default) with {@code transformer.*}
 * keys, or {@code model=fast} with the fast model's keys ({@link TrainingConfig}). Unknown keys, and
 * keys of the other kind, are refused with the file name, so that a typo never trains another model.
 *
 * @param fast the fast model's configuration (defaults when training the transformer)
 * @param transformer the transformer's configuration, or null when training the fast model
 */
record ModelConfig(TrainingConfig fast, FineTuneConfig transformer) {

    /** Training the transformer with its defaults. */
    static final ModelConfig DEFAULT = new ModelConfig(TrainingConfig.DEFAULT, FineTuneConfig.DEFAULT);

    /** The fast model with its defaults ({@code --config fast}). */
    static final ModelConfig FAST = new ModelConfig(TrainingConfig.DEFAULT, null);

    /**
     * Reads a configuration file, or names a preset: {@code transformer} or {@code fast} (the
     * defaults of each kind) when no file of that name exists.
     */
    static ModelConfig read(Path file) throws IOException {
        if (!Files.exists(file) && file.toString().equals("fast")) {
            return FAST;
        }
        if (!Files.exists(file) && file.toString().equals("transformer")) {
            return DEFAULT;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String kind = p.getProperty("model", "transformer").strip();
        p.remove("model");
        if (kind.equals("fast")) {
            StringWriter rest = new StringWriter();
            p.store(rest, null);
            return new ModelConfig(TrainingConfig.load(new StringReader(rest.toString()), file.toString()), null);
        }
        if (!kind.equals("transformer")) {
            throw new IllegalArgumentException(file + ": model must be transformer or fast, got " + kind);
        }
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(FineTuneConfig.DEFAULT.toMap().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": unknown keys " + unknown + " for model=transformer (known: "
                    + FineTuneConfig.DEFAULT.toMap().keySet() + "; the fast model's keys need model=fast)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        try {
            return new ModelConfig(TrainingConfig.DEFAULT, FineTuneConfig.fromMap(values));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the effective configuration as a properties file: every key, {@code model} included,
     * in sorted order, and no timestamp, so that two runs print the same text and a saved copy
     * diffs cleanly against a new one.
     */
    void store(PrintWriter out) {
        Map<String, String> values = new java.util.TreeMap<>(transformer == null ? fast.toMap() : transformer.toMap());
        values.put("model", transformer == null ? "fast" : "transformer");
        out.println("# StanceKit training configuration");
        values.forEach((k, v) -> out.println(TrainingConfig.propertyLine(k, v)));
        out.flush();
    }
}
