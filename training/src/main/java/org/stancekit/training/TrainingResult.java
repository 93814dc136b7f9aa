package org.stancekit.training;

import java.util.List;
import org.stancekit.model.FastModel;
import org.stancekit.evaluation.Evaluation;

/**
 * The outcome of a training run.
 *
 * @param bundle the trained model, its manifest carrying the test metrics
 * @param dev evaluation of the kept model on the dev split, or {@code null} without one
 * @param test evaluation on the test split, or {@code null} without one
 * @param bestEpoch the epoch whose weights were kept
 * @param epochs one report per epoch run
 */
public record TrainingResult(FastModel bundle, Evaluation dev, Evaluation test, int bestEpoch,
                             List<EpochReport> epochs) {
}
