package org.stancekit.training.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.evaluation.Bootstrap;
import org.stancekit.evaluation.Interval;
import org.stancekit.evaluation.PairedDrop;
import org.stancekit.runtime.Json;

/**
 * Turns {@code --fail-under} and {@code --compare-to … --max-drop} into {@link Gate}s. Gate
 * names hold no threshold ({@code stance.macro_f1 >= floor}, {@code stance.macro_f1 not below
 * old.json}), so that CI keeps a test's history when a floor or baseline changes. A gate on a
 * metric that does not exist fails (with the known keys in its message) rather than passing
 * silently, because a typo in a CI gate must not disable it; for the same reason a macro-F1 that
 * only one of the two compared runs has fails its comparison, and a metric named twice, a value
 * outside [0, 1] or a file that is not a {@code metrics.json} is refused outright.
 */
public final class Gates {

    /** The last key of every metric {@code --compare-to} compares. */
    private static final String COMPARED = "macro_f1";
    /** Top-level entries of {@code metrics.json} that hold no metric of this run. */
    private static final List<String> NOT_COMPARED = List.of("baselines", "gates");

    /**
     * An earlier run's {@code metrics.json}, read for {@code --compare-to}.
     *
     * @param file where it was read from
     * @param macroF1 every {@code macro_f1} key it holds outside the baselines, with its value (NaN
     *                when the file holds something else than a number there), in file order
     * @param sentences the number of sentences it was computed on, or -1 when it does not say
     * @param dataSha256 its {@code data.sha256}, or null when it does not say (runs before it was recorded)
     * @param dataSplit its {@code data.split}, or null when it does not say
     */
    public record Earlier(Path file, Map<String, Double> macroF1, int sentences, String dataSha256, String dataSplit) {

        public Earlier {
            macroF1 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(macroF1));
        }

        /** An earlier run that does not say what data it was computed on. */
        public Earlier(Path file, Map<String, Double> macroF1, int sentences) {
            this(file, macroF1, sentences, null, null);
        }

        /** True when it records the SHA-256 or the split of its data. */
        public boolean recordsData() {
            return dataSha256 != null || dataSplit != null;
        }
    }

    /**
     * How a noise-aware comparison judges a drop.
     *
     * @param intervals this run's two-sided bootstrap intervals at {@code confidence} by metric key,
     *                  for the unpaired rule
     * @param paired the paired bootstrap's drops by metric key; empty when the earlier run's
     *               predictions are not at hand, and then every metric is judged by the unpaired rule
     * @param confidence the level of both rules, for example 0.95
     * @param unpairedWhy when not empty, why the unpaired rule is used; it ends the message of
     *                    every gate judged by the unpaired rule
     */
    public record Noise(Map<String, Interval> intervals, Map<String, PairedDrop> paired, double confidence,
                        String unpairedWhy) {

        public Noise {
            intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
            paired = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paired));
            Bootstrap.checkConfidence(confidence);
        }
    }

    private Gates() {
    }

    /**
     * Parses {@code metric=value,metric=value} ({@code metrics.json} keys); every value is a
     * floor from 0 to 1, as every metric is.
     *
     * @throws IllegalArgumentException on a malformed pair, a value that is not a number from 0
     *         to 1, or a metric named twice (with two floors, one would be ignored)
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
            String metric = p.substring(0, eq).strip();
            double floor;
            try {
                floor = Double.parseDouble(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--fail-under: '" + p.substring(eq + 1) + "' is not a number in '" + p + "'");
            }
            if (!inUnitRange(floor)) {
                throw new IllegalArgumentException("--fail-under: the floor of " + metric + " must be a number from 0 to 1, got '"
                        + p.substring(eq + 1).strip() + "'");
            }
            Double before = out.putIfAbsent(metric, floor);
            if (before != null) {
                throw new IllegalArgumentException("--fail-under: " + metric + " is given twice (" + fmt(before) + " and "
                        + fmt(floor) + "); give each metric one floor");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--fail-under: no metric=value pairs in '" + spec + "'");
        }
        return out;
    }

    /**
     * Returns {@code maxDrop} when it is a number from 0 to 1 (metrics are), so that a typo
     * cannot make a comparison that lets anything through or nothing.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static double checkMaxDrop(double maxDrop) {
        if (!inUnitRange(maxDrop)) {
            throw new IllegalArgumentException("--max-drop must be a number from 0 to 1, got " + maxDrop);
        }
        return maxDrop;
    }

    /** One gate per minimum: the metric must be at least the value. */
    public static List<Gate> failUnder(Map<String, Double> metrics, Map<String, Double> minimums) {
        List<Gate> gates = new ArrayList<>();
        // The floor stays out of the name: CI servers key a test's history by its name, and
        // raising a floor must not start a new test.
        minimums.forEach((metric, min) -> gates.add(gate(metric + " >= floor", metric, metrics, min, "")));
        return gates;
    }

    /**
     * Reads an earlier run's {@code metrics.json}.
     *
     * @throws IOException naming the file when it cannot be read, is not JSON, or is not a
     *         {@code metrics.json} (a JSON object with at least one {@code macro_f1} metric)
     */
    public static Earlier readEarlier(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": cannot read earlier metrics: no such file");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a metrics.json: not valid JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + " (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read earlier metrics: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": not a metrics.json: expected a JSON object of metrics such as stance.macro_f1");
        }
        Map<String, Double> macroF1 = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!NOT_COMPARED.contains(e.getKey())) {
                collect(e.getKey(), e.getValue(), macroF1);
            }
        }
        if (macroF1.isEmpty()) {
            throw new IOException(file + ": not a metrics.json: it holds no " + COMPARED + " metric such as stance.macro_f1");
        }
        JsonNode sentences = root.path("sentences");
        // "data" was the data file's name before it became an object; only the object says what the data was.
        JsonNode data = root.path("data");
        return new Earlier(file, macroF1, sentences.canConvertToInt() && sentences.isIntegralNumber() ? sentences.asInt() : -1,
                data.path("sha256").isTextual() ? data.path("sha256").asText() : null,
                data.path("split").isTextual() ? data.path("split").asText() : null);
    }

    private static void collect(String key, JsonNode node, Map<String, Double> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(key + "." + e.getKey(), e.getValue(), out);
            }
        } else if (key.equals(COMPARED) || key.endsWith("." + COMPARED)) {
            out.put(key, node.isNumber() ? node.asDouble() : Double.NaN);
        }
    }

    /** Reads {@code previous} and compares; see {@link #readEarlier} and {@link #compareTo(Map, Earlier, double)}. */
    public static List<Gate> compareTo(Map<String, Double> metrics, Path previous, double maxDrop) throws IOException {
        return compareTo(metrics, readEarlier(previous), maxDrop);
    }

    /**
     * One gate per headline metric ({@code *.macro_f1}, baselines aside) of either run: it may be
     * at most {@code maxDrop} below the earlier value. A metric only one run has fails: a file
     * from an older version or other data must not turn a comparison off without a word.
     *
     * @throws IllegalArgumentException when {@code maxDrop} is not a number from 0 to 1
     */
    public static List<Gate> compareTo(Map<String, Double> metrics, Earlier earlier, double maxDrop) {
        return compareTo(metrics, earlier, maxDrop, (Noise) null);
    }

    /**
     * {@link #compareTo(Map, Earlier, double)}, noise-aware when {@code intervals} is not null: a
     * metric then fails only when it dropped by more than {@code maxDrop} <em>and</em> the earlier
     * value lies above the upper bound of this run's 95% bootstrap interval, that is when the drop
     * is larger than resampling the same test sentences would explain. A metric without an
     * interval is compared by the plain rule, and its message says so.
     *
     * @param intervals this run's 95% intervals by metric key, or null for the plain comparison
     * @throws IllegalArgumentException when {@code maxDrop} is not a number from 0 to 1
     */
    public static List<Gate> compareTo(Map<String, Double> metrics, Earlier earlier, double maxDrop,
                                       Map<String, Interval> intervals) {
        return compareTo(metrics, earlier, maxDrop, intervals == null ? null : new Noise(intervals, Map.of(), 0.95, ""));
    }

    /**
     * {@link #compareTo(Map, Earlier, double)}, noise-aware when {@code noise} is not null. A
     * metric with a {@linkplain Noise#paired() paired drop} fails only when both
     * <ul>
     * <li>its observed drop (earlier predictions minus this run's, on the same sentences and gold
     *     labels) is larger than {@code maxDrop}, and</li>
     * <li>the paired bootstrap's lower bound of the drop at the one-sided confidence level (its
     *     {@code 1 - confidence} percentile, the 5th for 0.95) is larger than {@code maxDrop}: a
     *     one-sided test, at level {@code 1 - confidence}, of "the drop is at most maxDrop".</li>
     * </ul>
     * Any other metric with an interval is judged by the unpaired rule of
     * {@link #compareTo(Map, Earlier, double, Map)} with the interval at {@code confidence}, and a
     * metric with neither by the plain rule; a metric judged unpaired while paired drops or an
     * {@link Noise#unpairedWhy()} are at hand says so in its message, passed or not.
     *
     * @throws IllegalArgumentException when {@code maxDrop} is not a number from 0 to 1
     */
    public static List<Gate> compareTo(Map<String, Double> metrics, Earlier earlier, double maxDrop, Noise noise) {
        checkMaxDrop(maxDrop);
        Map<String, Interval> intervals = noise == null ? null : noise.intervals();
        // Neither the earlier value nor the allowed drop is in the name, so that a new baseline
        // keeps the test's history on the CI server; the message and junit.xml's system-out give them.
        String vs = " not below " + earlier.file().getFileName();
        List<Gate> gates = new ArrayList<>();
        for (String metric : metrics.keySet()) {
            if (!metric.endsWith(COMPARED) || metric.startsWith("baselines.")) {
                continue;
            }
            Double before = earlier.macroF1().get(metric);
            if (before == null) {
                gates.add(new Gate(metric + vs, metric, metrics.get(metric), Double.NaN, false,
                        metric + " is not in " + earlier.file() + ", so it cannot be compared"));
            } else if (before.isNaN()) {
                gates.add(new Gate(metric + vs, metric, metrics.get(metric), Double.NaN, false,
                        metric + " in " + earlier.file() + " is not a number, so it cannot be compared"));
            } else {
                String rule = fmt(before) + " in " + earlier.file().getFileName() + " minus --max-drop " + fmt(maxDrop);
                Interval ci = intervals == null ? null : intervals.get(metric);
                PairedDrop paired = noise == null ? null : noise.paired().get(metric);
                if (paired != null && metrics.containsKey(metric)) {
                    gates.add(paired(metric + vs, metric, metrics.get(metric), before, maxDrop, paired));
                } else if (ci == null) {
                    String plain = intervals == null ? "" : "; no bootstrap interval, so compared without noise";
                    gates.add(gate(metric + vs, metric, metrics, before - maxDrop, " (" + rule + plain + ")"));
                } else {
                    String why = !noise.paired().isEmpty()
                            ? "judged by the unpaired rule: the paired bootstrap gave no drop of this metric"
                            : noise.unpairedWhy();
                    gates.add(noiseAware(metric + vs, metric, metrics.get(metric), before, maxDrop, ci, rule,
                            noise.confidence(), why));
                }
            }
        }
        earlier.macroF1().forEach((metric, before) -> {
            if (!metrics.containsKey(metric)) {
                gates.add(new Gate(metric + vs, metric, Double.NaN,
                        before - maxDrop, false, metric + " is in " + earlier.file() + " but not in this evaluation"));
            }
        });
        return gates;
    }

    /** A drop fails only when larger than allowed and beyond this run's sampling noise. */
    private static Gate noiseAware(String name, String metric, double actual, double before, double maxDrop,
                                   Interval ci, String rule, double confidence, String why) {
        boolean tooLarge = actual < before - maxDrop;
        boolean beyondNoise = before > ci.high();
        String interval = percent(confidence) + " interval " + fmt(ci.low()) + " to " + fmt(ci.high());
        // Said on every gate it concerns, passed or not, so that nobody takes an unpaired verdict for a paired one.
        String unpaired = why.isEmpty() ? "" : " (" + why + ")";
        if (tooLarge && beyondNoise) {
            return new Gate(name, metric, actual, before - maxDrop, false, metric + " = " + fmt(actual) + " is below "
                    + fmt(before - maxDrop) + " (" + rule + "), and the earlier " + fmt(before) + " is above this run's "
                    + interval + ": more than sampling noise" + unpaired);
        }
        String note = !tooLarge ? why : metric + " = " + fmt(actual) + " is below " + fmt(before - maxDrop)
                + " (" + rule + "), but the earlier " + fmt(before) + " is within this run's " + interval
                + ": within sampling noise, passed" + unpaired;
        return new Gate(name, metric, actual, before - maxDrop, true, note);
    }

    /**
     * The paired rule: fails only when the observed drop and its one-sided lower confidence bound
     * are both larger than {@code maxDrop}. The gate's actual value is this run's metric and its
     * limit the earlier file's value minus {@code maxDrop}, as in the other rules, so that the
     * report's columns mean the same whatever rule judged.
     */
    private static Gate paired(String name, String metric, double actual, double before, double maxDrop, PairedDrop d) {
        String observed = metric + " dropped by " + fmt(d.drop()) + " (" + fmt(d.before()) + " for the earlier predictions, "
                + fmt(d.after()) + " for this run's, on the same " + d.sentences() + " sentences), more than --max-drop "
                + fmt(maxDrop);
        if (d.drop() > maxDrop && d.lowerBound() > maxDrop) {
            return new Gate(name, metric, actual, before - maxDrop, false, observed + ", and a paired bootstrap puts the drop at "
                    + fmt(d.lowerBound()) + " or more at " + percent(d.confidence()) + " confidence (one-sided): more than "
                    + "sampling noise");
        }
        String note = d.drop() <= maxDrop ? "" : observed + ", but at " + percent(d.confidence()) + " confidence a paired "
                + "bootstrap only puts the drop at " + fmt(d.lowerBound()) + " or more, not above --max-drop "
                + fmt(maxDrop) + ": within sampling noise, passed";
        return new Gate(name, metric, actual, before - maxDrop, true, note);
    }

    /** {@code 0.95} as {@code 95%}, {@code 0.975} as {@code 97.5%}. */
    private static String percent(double confidence) {
        return fmt(confidence * 100).replaceAll("\\.0$", "") + "%";
    }

    /** {@code actual >= limit}; {@code why} follows the limit in a failure's message. */
    private static Gate gate(String name, String metric, Map<String, Double> metrics, double limit, String why) {
        Double actual = metrics.get(metric);
        if (actual == null) {
            return new Gate(name, metric, Double.NaN, limit, false,
                    "no metric '" + metric + "'; known: " + String.join(", ", metrics.keySet()));
        }
        boolean passed = actual >= limit;
        return new Gate(name, metric, actual, limit, passed,
                passed ? "" : metric + " = " + fmt(actual) + " is below " + fmt(limit) + why);
    }

    private static boolean inUnitRange(double value) {
        return value >= 0 && value <= 1; // false for NaN too
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
