/**
 * What {@code stancekit evaluate} writes and how CI reads it: an
 * {@link org.stancekit.training.report.EvaluationReport} (the measured
 * {@link org.stancekit.evaluation.Evaluation} plus intervals, mistakes, data fingerprint and gate
 * results), rendered by {@link org.stancekit.training.report.ReportWriter} as {@code metrics.json},
 * {@code report.md}, a self-contained {@code report.html} with SVG charts, {@code junit.xml} and
 * {@code predictions.csv}; and the {@link org.stancekit.training.report.Gates} that turn
 * {@code --fail-under} and {@code --max-drop} into pass or fail.
 */
package org.stancekit.training.report;
