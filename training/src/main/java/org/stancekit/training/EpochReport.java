package org.stancekit.training;

/**
 * What one training epoch achieved.
 *
 * @param epoch the epoch, from 1
 * @param maxEpochs the configured maximum
 * @param loss mean training loss over the epoch's batches
 * @param devScore the model-selection score on dev ({@link Trainer#selectionScore}), NaN without a dev split
 * @param best whether this epoch is the best so far (the one kept)
 * @param millis wall time of the epoch
 */
public record EpochReport(int epoch, int maxEpochs, double loss, double devScore, boolean best, long millis) {
}
