package org.stancekit.training.report;

/**
 * One CI gate on a metric: a minimum ({@code --fail-under}) or a largest allowed drop against an
 * earlier run ({@code --compare-to … --max-drop}).
 *
 * @param name the test-case name, for example {@code stance.macro_f1 >= floor}; never a value,
 *             so that CI keeps the test's history when a floor or baseline changes
 * @param metric the {@code metrics.json} key gated
 * @param actual the metric's value in this run (NaN when the metric does not exist)
 * @param limit the smallest value that passes
 * @param passed whether {@code actual >= limit} (or, noise-aware, the drop is within sampling noise)
 * @param message why it failed; for a gate that passed, empty or a note (a drop within noise)
 */
public record Gate(String name, String metric, double actual, double limit, boolean passed, String message) {
}
