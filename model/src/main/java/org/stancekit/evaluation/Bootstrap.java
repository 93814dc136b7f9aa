package org.stancekit.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        int n = gold.size();
        Random random = new Random(seed);
        Evaluator evaluator = new Evaluator();
        Map<String, double[]> samples = new LinkedHashMap<>();
        List<Labels> g = new ArrayList<>(n);
        List<Labels> p = new ArrayList<>(n);
        for (int it = 0; it < iterations; it++) {
            g.clear();
            p.clear();
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                g.add(gold.get(k));
                p.add(predicted.get(k));
            }
            int iteration = it;
            evaluator.evaluate(schema, g, p).metrics().forEach((key, value) -> {
                if (key.endsWith("macro_f1")) {
                    samples.computeIfAbsent(key, x -> new double[iterations])[iteration] = value;
                }
            });
        }
        Map<String, Interval> out = new LinkedHashMap<>();
        samples.forEach((key, values) -> {
            Arrays.sort(values);
            out.put(key, new Interval(percentile(values, 0.025), percentile(values, 0.975)));
        });
        return out;
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
