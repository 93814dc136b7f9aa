package org.stancekit.training.report;

import java.util.Locale;
import org.stancekit.evaluation.Interval;

/**
 * Number formatting shared by the report renderers. Always {@link Locale#ROOT}: a report must read
 * the same on every machine, and a decimal comma would also break SVG coordinates.
 */
final class Formats {

    /** Shown where a number does not exist (a gate on a metric the report lacks). */
    static final String MISSING = "n/a";

    private Formats() {
    }

    /** A score (F1, precision, accuracy) with 3 decimals: differences below that are noise here. */
    static String score(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : MISSING;
    }

    /** A gated value with 4 decimals, so that a near miss is visible against its limit. */
    static String precise(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : MISSING;
    }

    /** A 95% interval as {@code [0.512, 0.733]}; {@link #MISSING} when there is none. */
    static String interval(Interval interval) {
        return interval == null ? MISSING : "[" + score(interval.low()) + ", " + score(interval.high()) + "]";
    }

    /** A share as a whole percentage, for example {@code 42%}. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f%%", 100 * share) : MISSING;
    }

    /** An SVG coordinate or length with at most one decimal. */
    static String coordinate(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
