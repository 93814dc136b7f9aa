package org.stancekit.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancekit.evaluation.ArticleEvaluation;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Interval;
import org.stancekit.domain.LabelSchema;
import org.stancekit.runtime.Json;

/**
 * Writes {@code metrics.json}. Keys are dotted paths into nested objects, so
 * {@code stance.parties.us.macro_f1} is both the name a CI gate uses and the path
 * {@code .stance.parties.us.macro_f1} in the file. Beside the headline metrics it holds, per head,
 * precision, recall, F1 and support per class and the confusion matrix.
 *
 * <p>For a full {@link EvaluationReport} it also holds the 95% bootstrap interval of a metric as
 * {@code <metric>_ci95: [low, high]} right after the metric, every baseline's metrics under
 * {@code baselines.<name>.}, and the gates as a list of
 * {@code {name, metric, actual, limit, passed, message}}.
 *
 * <p>When the report has a {@linkplain EvaluationReport#fingerprint() data fingerprint},
 * {@code data} is an object: {@code files} (the data file name(s), which {@code data} held alone
 * before), {@code sha256}, {@code split} and {@code sentences}; otherwise it is the file name(s).
 */
public final class MetricsJson {

    /** Suffix of the key that holds a metric's 95% interval, for example {@code stance.macro_f1_ci95}. */
    public static final String INTERVAL_SUFFIX = "_ci95";

    private MetricsJson() {
    }

    /** Builds the JSON tree of an evaluation plus context entries (model, data, split). */
    public static ObjectNode toJson(Evaluation evaluation, Map<String, ?> context) {
        return build(evaluation, context, evaluation.metrics(), Map.of());
    }

    /**
     * Builds the JSON tree of a whole report: everything {@link #toJson(Evaluation, Map)} gives
     * with {@code model}, {@code data} and {@code split} as context, plus the intervals, the
     * baselines' metrics and the gates. Every key of {@link EvaluationReport#metrics()} resolves
     * as a path in the tree.
     */
    public static ObjectNode toJson(EvaluationReport report) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("model", report.model());
        if (report.fingerprint() == null) {
            context.put("data", report.data());
        } else {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("files", report.data());
            data.put("sha256", report.fingerprint().sha256());
            data.put("split", report.fingerprint().split());
            data.put("sentences", report.fingerprint().sentences());
            context.put("data", data);
        }
        context.put("split", report.split());
        ObjectNode root = build(report.evaluation(), context, report.metrics(), report.allIntervals());
        if (report.articles() != null) {
            ArticleEvaluation articles = report.articles().evaluation();
            put(root, "articles.documents", Json.SORTED.valueToTree(articles.size()));
            put(root, "articles.rule", Json.SORTED.valueToTree(report.articles().rule()));
            for (int p = 0; p < articles.schema().parties().size(); p++) {
                details(root, "articles.stance.parties." + LabelSchema.column(articles.schema().parties().get(p)),
                        articles.stances().get(p));
            }
        }
        ArrayNode gates = root.putArray("gates");
        for (Gate gate : report.gates()) {
            ObjectNode g = gates.addObject();
            g.put("name", gate.name());
            g.put("metric", gate.metric());
            g.set("actual", number(gate.actual()));
            g.set("limit", number(gate.limit()));
            g.put("passed", gate.passed());
            g.put("message", gate.message());
        }
        return root;
    }

    /** Writes the tree to {@code file}, creating its folder. */
    public static void write(Evaluation evaluation, Map<String, ?> context, Path file) throws IOException {
        writeTree(toJson(evaluation, context), file);
    }

    /** Writes the tree of a whole report to {@code file}, creating its folder. */
    public static void write(EvaluationReport report, Path file) throws IOException {
        writeTree(toJson(report), file);
    }

    private static void writeTree(ObjectNode tree, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Json.STABLE.writeValue(file.toFile(), tree);
    }

    private static ObjectNode build(Evaluation evaluation, Map<String, ?> context, Map<String, Double> metrics,
                                    Map<String, Interval> intervals) {
        ObjectNode root = Json.SORTED.createObjectNode();
        context.forEach((k, v) -> put(root, k, Json.SORTED.valueToTree(v)));
        put(root, "sentences", Json.SORTED.valueToTree(evaluation.size()));
        // The interval goes in right after its metric so a reader sees both together.
        metrics.forEach((k, v) -> {
            put(root, k, Json.SORTED.valueToTree(v));
            if (intervals.containsKey(k)) {
                put(root, k + INTERVAL_SUFFIX, interval(intervals.get(k)));
            }
        });
        // Intervals of keys that are not metrics are still part of the report; sorted for stable output.
        new TreeMap<>(intervals).forEach((k, v) -> {
            if (!metrics.containsKey(k)) {
                put(root, k + INTERVAL_SUFFIX, interval(v));
            }
        });
        LabelSchema schema = evaluation.schema();
        for (int p = 0; p < schema.parties().size(); p++) {
            details(root, "stance.parties." + LabelSchema.column(schema.parties().get(p)), evaluation.stances().get(p));
        }
        details(root, "sentiment", evaluation.sentiment());
        return root;
    }

    private static JsonNode interval(Interval interval) {
        ArrayNode pair = Json.SORTED.createArrayNode();
        pair.add(number(interval.low()));
        pair.add(number(interval.high()));
        return pair;
    }

    /** A number node; null for NaN and infinities, which JSON cannot hold (a gate on a missing metric). */
    private static JsonNode number(double value) {
        return Double.isFinite(value) ? Json.SORTED.getNodeFactory().numberNode(value)
                : Json.SORTED.getNodeFactory().nullNode();
    }

    private static void details(ObjectNode root, String prefix, ConfusionMatrix m) {
        for (int k = 0; k < m.labels().size(); k++) {
            String c = prefix + ".classes." + m.labels().get(k).toLowerCase(Locale.ROOT) + ".";
            put(root, c + "precision", Json.SORTED.valueToTree(m.precision(k)));
            put(root, c + "recall", Json.SORTED.valueToTree(m.recall(k)));
            put(root, c + "f1", Json.SORTED.valueToTree(m.f1(k)));
            put(root, c + "support", Json.SORTED.valueToTree(m.support(k)));
        }
        put(root, prefix + ".confusion.labels", Json.SORTED.valueToTree(m.labels()));
        put(root, prefix + ".confusion.counts", Json.SORTED.valueToTree(m.counts()));
    }

    private static void put(ObjectNode root, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
