package org.stancekit.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

/**
 * Percentile bootstrap confidence intervals for macro-F1: resample the evaluated sentences with
 * replacement, recompute every metric, and take the 2.5th and 97.5th percentiles. Resampling
 * whole sentences keeps the heads' errors correlated as they really are.
 */
public final class Bootstrap {

    /** Resamples drawn; 1,000 gives stable 95% bounds to about ±0.005. */
    public static final int DEFAULT_ITERATIONS = 1000;

    private final int iterations;
    private final long seed;

    /** A bootstrap with an explicit seed, so that reports are reproducible. */
    public Bootstrap(int iterations, long seed) {
        if (iterations < 10) {
            throw new IllegalArgumentException("at least 10 bootstrap iterations, got " + iterations);
        }
        this.iterations = iterations;
        this.seed = seed;
    }

    /**
     * 95% intervals of the macro-F1 metrics ({@code stance.macro_f1},
     * {@code stance.parties.<party>.macro_f1}, {@code sentiment.macro_f1}).
     */
    public Map<String, Interval> macroF1Intervals(LabelSchema schema, List<Labels> gold, List<Labels> predicted) {
        return macroF1Intervals(schema, gold, predicted, 0.95);
    }

    /**
     * Two-sided intervals at {@code confidence} (0.95 gives the 2.5th and 97.5th percentiles) of
     * the macro-F1 metrics, as {@link #macroF1Intervals(LabelSchema, List, List)}.
     *
     * @throws IllegalArgumentException when {@code confidence} is not above 0.5 and below 1
     */
    public Map<String, Interval> macroF1Intervals(LabelSchema schema, List<Labels> gold, List<Labels> predicted,
                                                  double confidence) {
        Evaluator evaluator = new Evaluator();
        List<Labels> g = new ArrayList<>(gold.size());
        List<Labels> p = new ArrayList<>(gold.size());
        return intervals(gold.size(), sample -> {
            g.clear();
            p.clear();
            for (int k : sample) {
                g.add(gold.get(k));
                p.add(predicted.get(k));
            }
            return evaluator.evaluate(schema, g, p).metrics();
        }, confidence);
    }

    /**
     * Two-sided intervals at {@code confidence} of the macro-F1 metrics (keys ending in
     * {@code macro_f1}) of any evaluation of {@code n} items: {@code metrics} computes them on a
     * resample, given as item indices drawn with replacement.
     */
    public Map<String, Interval> intervals(int n, Function<int[], Map<String, Double>> metrics, double confidence) {
        checkConfidence(confidence);
        Random random = new Random(seed);
        Map<String, double[]> samples = new LinkedHashMap<>();
        int[] sample = new int[n];
        for (int it = 0; it < iterations; it++) {
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
            }
            int iteration = it;
            metrics.apply(sample).forEach((key, value) -> {
                if (key.endsWith("macro_f1")) {
                    samples.computeIfAbsent(key, x -> new double[iterations])[iteration] = value;
                }
            });
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        samples.forEach((key, values) -> {
            Arrays.sort(values);
            out.put(key, new Interval(percentile(values, (1 - confidence) / 2), percentile(values, (1 + confidence) / 2)));
        });
        return out;
    }

    /**
     * A paired bootstrap of the drop from {@code before} to {@code after}, two sets of predictions
     * of the same sentences against the same {@code gold} labels: every resample draws sentence
     * indices once and scores both sets on them, so that the noise both share (which sentences
     * happen to be in the test set) cancels out of the difference. Each metric is computed by
     * {@link Evaluator}, as in the report.
     *
     * @param confidence the one-sided level of {@link PairedDrop#lowerBound()}, above 0.5 and below 1
     * @return per macro-F1 key ({@code stance.macro_f1}, {@code stance.parties.<party>.macro_f1},
     *         {@code sentiment.macro_f1}) the observed drop and its lower confidence bound
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    public Map<String, PairedDrop> pairedDrops(LabelSchema schema, List<Labels> gold, List<Labels> before,
                                               List<Labels> after, double confidence) {
        checkConfidence(confidence);
        int n = gold.size();
        if (n == 0 || before.size() != n || after.size() != n) {
            throw new IllegalArgumentException("a paired bootstrap needs as many predictions of each run as gold labels ("
                    + n + "), got " + before.size() + " and " + after.size());
        }
        Evaluator evaluator = new Evaluator();
        Map<String, Double> was = macroF1(evaluator.evaluate(schema, gold, before).metrics());
        Map<String, Double> is = macroF1(evaluator.evaluate(schema, gold, after).metrics());
        Random random = new Random(seed);
        Map<String, double[]> drops = new LinkedHashMap<>();
        List<Labels> g = new ArrayList<>(n);
        List<Labels> b = new ArrayList<>(n);
        List<Labels> a = new ArrayList<>(n);
        for (int it = 0; it < iterations; it++) {
            g.clear();
            b.clear();
            a.clear();
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                g.add(gold.get(k));
                b.add(before.get(k));
                a.add(after.get(k));
            }
            Map<String, Double> sampledBefore = macroF1(evaluator.evaluate(schema, g, b).metrics());
            Map<String, Double> sampledAfter = macroF1(evaluator.evaluate(schema, g, a).metrics());
            int iteration = it;
            sampledBefore.forEach((key, value) -> drops.computeIfAbsent(key, x -> new double[iterations])[iteration]
                    = value - sampledAfter.get(key));
        }
        Map<String, PairedDrop> out = new LinkedHashMap<>();
        drops.forEach((key, values) -> {
            Arrays.sort(values);
            out.put(key, new PairedDrop(was.get(key), is.get(key), percentile(values, 1 - confidence), confidence, n));
        });
        return out;
    }

    private static Map<String, Double> macroF1(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        metrics.forEach((key, value) -> {
            if (key.endsWith("macro_f1")) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Returns {@code confidence} when it is above 0.5 and below 1: at 0.5 or less a "confident"
     * bound would be weaker than the point estimate, and at 1 every drop would pass.
     *
     * @throws IllegalArgumentException otherwise (NaN included)
     */
    public static double checkConfidence(double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("--confidence must be above 0.5 and below 1, for example 0.95, got "
                    + confidence);
        }
        return confidence;
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
