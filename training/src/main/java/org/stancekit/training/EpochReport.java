package org.stancekit.training;

/**
 * What one training epoch achieved.
 *
 * @param epoch the epoch, from 1
 * @param maxEpochs the configured maximum
 * @param patience epochs without a better dev score before stopping early
 * @param bestEpoch the best epoch so far, this one included (the one kept)
 * @param loss mean training loss over the epoch's batches
 * @param devScore the model-selection score on dev ({@link Trainer#selectionScore}), NaN without a dev split
 * @param best whether this epoch is the best so far (the one kept)
 * @param millis wall time of the epoch
 * @param elapsedMillis wall time of the epochs so far, this one included
 */
public record EpochReport(int epoch, int maxEpochs, int patience, int bestEpoch, double loss, double devScore,
                          boolean best, long millis, long elapsedMillis) {

    /**
     * The last epoch the run can reach ({@link EarlyStopping#lastEpoch}); the configured maximum
     * without a dev split, where nothing stops early.
     */
    public int lastEpoch() {
        return Double.isNaN(devScore) ? maxEpochs : EarlyStopping.lastEpoch(maxEpochs, patience, bestEpoch, epoch);
    }
}
