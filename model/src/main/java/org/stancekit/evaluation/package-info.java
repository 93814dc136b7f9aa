/**
 * Measurement: confusion matrices, per-class precision, recall and F1, macro-F1 and accuracy per
 * head ({@link org.stancekit.evaluation.Evaluator}, {@link org.stancekit.evaluation.Evaluation}),
 * bootstrap intervals and paired drops ({@link org.stancekit.evaluation.Bootstrap}) and
 * calibration ({@link org.stancekit.evaluation.Reliability}). Rendering these as reports and
 * gating on them is the training module's job ({@code org.stancekit.training.report}): the core
 * measures, it does not print.
 */
package org.stancekit.evaluation;
