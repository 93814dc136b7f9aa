package org.stancekit.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.bundle.Json;

/**
 * Turns {@code --fail-under} and {@code --compare-to … --max-drop} into {@link Gate}s. A gate on a
 * metric that does not exist fails (with the known keys in its message) rather than passing
 * silently, because a typo in a CI gate must not disable it.
 */
public final class Gates {

    private Gates() {
    }

    /**
     * Parses {@code metric=value,metric=value} ({@code metrics.json} keys).
     *
     * @throws IllegalArgumentException on a malformed pair
     */
    public static Map<String, Double> parseFailUnder(String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("--fail-under: expected metric=value, got '" + p + "'");
            }
            try {
                out.put(p.substring(0, eq).strip(), Double.parseDouble(p.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--fail-under: '" + p.substring(eq + 1) + "' is not a number in '" + p + "'");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--fail-under: no metric=value pairs in '" + spec + "'");
        }
        return out;
    }

    /** One gate per minimum: the metric must be at least the value. */
    public static List<Gate> failUnder(Map<String, Double> metrics, Map<String, Double> minimums) {
        List<Gate> gates = new ArrayList<>();
        minimums.forEach((metric, min) -> gates.add(gate(metric + " >= " + fmt(min), metric, metrics, min)));
        return gates;
    }

    /**
     * One gate per headline metric found in both runs (every {@code *.macro_f1} key of
     * {@code metrics}): it may be at most {@code maxDrop} below the earlier value.
     */
    public static List<Gate> compareTo(Map<String, Double> metrics, Path previous, double maxDrop) throws IOException {
        if (!(maxDrop >= 0)) {
            throw new IllegalArgumentException("--max-drop must be 0 or more, got " + maxDrop);
        }
        JsonNode old;
        try {
            old = Json.mapper().readTree(previous.toFile());
        } catch (IOException e) {
            throw new IOException(previous + ": cannot read earlier metrics: " + e.getMessage(), e);
        }
        List<Gate> gates = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            if (!metric.endsWith("macro_f1") || metric.startsWith("baselines.")) {
                continue;
            }
            JsonNode before = old.at("/" + metric.replace('.', '/'));
            if (before.isNumber()) {
                double limit = before.asDouble() - maxDrop;
                gates.add(gate(metric + " drop <= " + fmt(maxDrop) + " vs " + previous.getFileName()
                        + " (" + fmt(before.asDouble()) + ")", metric, metrics, limit));
            }
        }
        if (gates.isEmpty()) {
            throw new IllegalArgumentException(previous + ": no macro_f1 metric in common with this evaluation");
        }
        return gates;
    }

    private static Gate gate(String name, String metric, Map<String, Double> metrics, double limit) {
        Double actual = metrics.get(metric);
        if (actual == null) {
            return new Gate(name, metric, Double.NaN, limit, false,
                    "no metric '" + metric + "'; known: " + String.join(", ", metrics.keySet()));
        }
        boolean passed = actual >= limit;
        return new Gate(name, metric, actual, limit, passed,
                passed ? "" : metric + " = " + fmt(actual) + " is below " + fmt(limit));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
