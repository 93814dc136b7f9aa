package org.stancekit.training;

/**
 * Early stopping on the dev selection score, shared by the fast model's {@link Trainer} and the
 * transformer's fine-tuner: which epoch is the best so far (its weights are the ones kept), and
 * whether {@code patience} epochs have passed without a better one.
 *
 * <p>Without dev data (a NaN score) every epoch counts as the best, so the last one is kept, and
 * the run never stops early.
 */
public final class EarlyStopping {

    private final int maxEpochs;
    private final int patience;
    private int epoch;
    private int bestEpoch;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private boolean scored;

    /**
     * @param maxEpochs the configured maximum
     * @param patience epochs without a better dev score before stopping
     */
    public EarlyStopping(int maxEpochs, int patience) {
        this.maxEpochs = maxEpochs;
        this.patience = patience;
    }

    /**
     * Continues a run resumed from a checkpoint taken after {@code epoch}, whose best epoch so
     * far was {@code bestEpoch} with dev score {@code bestScore}.
     */
    public static EarlyStopping resumed(int maxEpochs, int patience, int epoch, int bestEpoch, double bestScore) {
        EarlyStopping s = new EarlyStopping(maxEpochs, patience);
        s.epoch = epoch;
        s.bestEpoch = bestEpoch;
        s.bestScore = bestScore;
        s.scored = !Double.isNaN(bestScore);
        return s;
    }

    /**
     * Records the dev selection score of a finished epoch.
     *
     * @return whether it is the best so far: the caller keeps this epoch's weights
     */
    public boolean record(int finishedEpoch, double devScore) {
        epoch = finishedEpoch;
        boolean best = Double.isNaN(devScore) || devScore > bestScore;
        if (!Double.isNaN(devScore)) {
            scored = true;
        }
        if (best) {
            bestEpoch = finishedEpoch;
            bestScore = Double.isNaN(devScore) ? bestScore : devScore;
        }
        return best;
    }

    /** Whether the run should end: {@code patience} scored epochs since the best, or the maximum reached. */
    public boolean stopped() {
        return epoch >= maxEpochs || scored && epoch - bestEpoch >= patience;
    }

    /** Whether it ended before the configured maximum: what a log says "stopping early" of. */
    public boolean stoppedEarly() {
        return stopped() && epoch < maxEpochs;
    }

    /** The best epoch so far, from 1; 0 before any has been recorded. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * How many epochs a run can still reach. A progress display scaled to the configured maximum
     * looks stuck and then ends far short of it; scaled to this bound, it counts toward the last
     * epoch that can really run: {@code patience} epochs after the best one, at most
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
