package org.stancekit.inference.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.stancekit.inference.batch.BatchSummary;

/**
 * A live progress line on standard error, rewritten in place: articles and sentences done,
 * sentences per second, and, when the input size is known, the share done and the time left.
 * Only for a terminal; a log file gets the one-line summary the command prints at the end.
 */
final class ProgressDisplay implements Consumer<BatchSummary> {

    private final PrintStream err;
    private final boolean live;
    private long firstMillis = -1;
    private long firstBytes;
    private int width;

    ProgressDisplay(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    /** True when standard error is a terminal: the launcher says so, or Java sees a console. */
    static boolean stderrIsTerminal() {
        String flag = System.getenv("STANCEKIT_STDERR_TTY");
        if (flag != null) {
            return flag.equals("1");
        }
        return System.console() != null;
    }

    @Override
    public void accept(BatchSummary s) {
        if (!live) {
            return;
        }
        if (s.complete()) {
            clear();
            return;
        }
        String line = line(s);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Removes the progress line so that the summary starts on a clean line. */
    void clear() {
        if (live && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    String line(BatchSummary s) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Scoring: %,d articles, %,d sentences, %,.0f sentences/s",
                s.articles(), s.sentences(), s.sentencesPerSecond()));
        if (s.failed() > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d failed", s.failed()));
        }
        double fraction = s.fractionDone();
        if (fraction >= 0) {
            sb.append(String.format(Locale.ROOT, ", %.0f%% done", fraction * 100));
            String left = timeLeft(s);
            if (left != null) {
                sb.append(", about ").append(left).append(" left");
            }
        }
        return sb.toString();
    }

    /**
     * Time left from the speed through the input since the first report of this run (so that the
     * fast skip over a resumed run's part does not count), once that speed means something.
     */
    private String timeLeft(BatchSummary s) {
        if (firstMillis < 0) {
            firstMillis = s.millis();
            firstBytes = s.bytesDone();
            return null;
        }
        long millis = s.millis() - firstMillis;
        long bytes = s.bytesDone() - firstBytes;
        if (millis < 2_000 || bytes <= 0) {
            return null;
        }
        long seconds = Math.round((s.bytesTotal() - s.bytesDone()) * (millis / 1000.0) / bytes);
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
