package org.stancekit.training;

/**
 * How many epochs a run with early stopping can still reach. A progress display scaled to the
 * configured maximum looks stuck and then ends far short of it; scaled to this bound, it counts
 * toward the last epoch that can really run.
 */
public final class EarlyStopping {

    private EarlyStopping() {
    }

    /**
     * The last epoch the run can reach: {@code patience} epochs after the best one, at most
     * {@code maxEpochs}. The epoch under way may still become the best, so it counts as the best
     * when it is later.
     *
     * @param maxEpochs the configured maximum
     * @param patience epochs without a better dev score before stopping
     * @param bestEpoch the best epoch so far (0 before the first has been scored)
     * @param epoch the epoch under way or just finished, from 1
     */
    public static int lastEpoch(int maxEpochs, int patience, int bestEpoch, int epoch) {
        return (int) Math.min(maxEpochs, (long) Math.max(bestEpoch, epoch) + patience);
    }
}
