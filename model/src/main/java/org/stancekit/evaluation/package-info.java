/**
 * Metrics: confusion matrices, per-class precision, recall and F1, macro-F1 and accuracy per
 * head, and the {@code metrics.json} keys that CI gates read.
 */
package org.stancekit.evaluation;
