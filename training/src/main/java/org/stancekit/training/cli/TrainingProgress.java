package org.stancekit.training.cli;

import java.util.Locale;
import org.stancekit.training.EpochReport;
import org.stancekit.training.Trainer;

/** The fast model's progress lines on standard error: one before training, one per epoch. */
final class TrainingProgress {

    private static final int WIDTH = 20;

    private TrainingProgress() {
    }

    /** Said once before the first epoch, so that a run that ends early is not a surprise. */
    static String start(int maxEpochs, int patience) {
        return String.format(Locale.ROOT, "Training for at most %d epochs; early stopping may end sooner "
                + "(patience %d: it stops after %d epochs without a better %s)", maxEpochs, patience, patience,
                Trainer.SELECTION_SCORE);
    }

    /**
     * One epoch: a bar toward the last epoch the run can still reach (not the configured
     * maximum, which early stopping rarely lets it reach), loss, the selection score, elapsed
     * time and the time left at most, estimated from the mean epoch so far.
     */
    static String epoch(EpochReport r) {
        int last = r.lastEpoch();
        int done = (int) Math.round(WIDTH * (double) r.epoch() / last);
        String bar = "#".repeat(done) + "-".repeat(WIDTH - done);
        String dev = Double.isNaN(r.devScore()) ? "n/a" : String.format(Locale.ROOT, "%.4f", r.devScore());
        double elapsed = r.elapsedMillis() / 1000.0;
        double left = elapsed / r.epoch() * (last - r.epoch());
        return String.format(Locale.ROOT, "[%s] epoch %d of at most %d  loss %.4f  %s %s%s  (%s elapsed, %s left at most)",
                bar, r.epoch(), last, r.loss(), Trainer.SELECTION_SCORE, dev, r.best() ? "  *best" : "",
                duration(elapsed), duration(left));
    }

    /** {@code 12.3s} below a minute, {@code 4m05s} below an hour, {@code 1h02m} above. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
