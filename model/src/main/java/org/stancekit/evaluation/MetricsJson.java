package org.stancekit.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.stancekit.bundle.Json;
import org.stancekit.domain.LabelSchema;

/**
 * Writes {@code metrics.json}. Keys are dotted paths into nested objects, so
 * {@code stance.parties.us.macro_f1} is both the name a CI gate uses and the path
 * {@code .stance.parties.us.macro_f1} in the file. Beside the headline metrics it holds, per head,
 * precision, recall, F1 and support per class and the confusion matrix.
 */
public final class MetricsJson {

    private MetricsJson() {
    }

    /** Builds the JSON tree of an evaluation plus context entries (model, data, split). */
    public static ObjectNode toJson(Evaluation evaluation, Map<String, ?> context) {
        ObjectNode root = Json.mapper().createObjectNode();
        context.forEach((k, v) -> put(root, k, Json.mapper().valueToTree(v)));
        put(root, "sentences", Json.mapper().valueToTree(evaluation.size()));
        evaluation.metrics().forEach((k, v) -> put(root, k, Json.mapper().valueToTree(v)));
        LabelSchema schema = evaluation.schema();
        for (int p = 0; p < schema.parties().size(); p++) {
            details(root, "stance.parties." + LabelSchema.column(schema.parties().get(p)), evaluation.stances().get(p));
        }
        details(root, "sentiment", evaluation.sentiment());
        return root;
    }

    /** Writes the tree to {@code file}, creating its folder. */
    public static void write(Evaluation evaluation, Map<String, ?> context, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Json.mapper().writeValue(file.toFile(), toJson(evaluation, context));
    }

    private static void details(ObjectNode root, String prefix, ConfusionMatrix m) {
        for (int k = 0; k < m.labels().size(); k++) {
            String c = prefix + ".classes." + m.labels().get(k).toLowerCase(Locale.ROOT) + ".";
            put(root, c + "precision", Json.mapper().valueToTree(m.precision(k)));
            put(root, c + "recall", Json.mapper().valueToTree(m.recall(k)));
            put(root, c + "f1", Json.mapper().valueToTree(m.f1(k)));
            put(root, c + "support", Json.mapper().valueToTree(m.support(k)));
        }
        put(root, prefix + ".confusion.labels", Json.mapper().valueToTree(m.labels()));
        put(root, prefix + ".confusion.counts", Json.mapper().valueToTree(m.counts()));
    }

    private static void put(ObjectNode root, String dotted, com.fasterxml.jackson.databind.JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
