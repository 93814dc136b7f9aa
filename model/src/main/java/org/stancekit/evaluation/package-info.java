/**
 * Metrics: confusion matrices, per-class precision, recall and F1, macro-F1 and accuracy per
 * head, and the {@code metrics.json} keys that CI gates read. {@link org.stancekit.evaluation.ReportWriter}
 * writes a whole {@link org.stancekit.evaluation.EvaluationReport} as {@code metrics.json},
 * {@code report.md}, a self-contained {@code report.html} and the gates as {@code junit.xml}.
 */
package org.stancekit.evaluation;
