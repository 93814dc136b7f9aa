package org.stancekit.evaluation;

/**
 * One CI gate on a metric: a minimum ({@code --fail-under}) or a largest allowed drop against an
 * earlier run ({@code --compare-to … --max-drop}).
 *
 * @param name the test-case name, for example {@code stance.macro_f1 >= 0.7}
 * @param metric the {@code metrics.json} key gated
 * @param actual the metric's value in this run (NaN when the metric does not exist)
 * @param limit the smallest value that passes
 * @param passed whether {@code actual >= limit}
 * @param message why it failed, or an empty string
 */
public record Gate(String name, String metric, double actual, double limit, boolean passed, String message) {
}
