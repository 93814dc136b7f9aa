package org.stancekit.inference.batch;

import java.util.Objects;
import org.stancekit.inference.read.ReaderOptions;

/**
 * How {@link BatchScorer} runs.
 *
 * @param reader how inputs are read (columns, longest article)
 * @param resume continue an interrupted run in the same output folder instead of starting over
 * @param checkpointMillis how often the progress record is brought up to date; a crash loses at
 *                         most this much work
 * @param spreadsheetSafe write CSV cells of input text that a spreadsheet would run as a formula
 *                        as text ({@link SpreadsheetSafe}; off by default, as it changes the data)
 * @param html also write {@code articles.html}, a page for people to read ({@link ArticlePage})
 */
public record BatchOptions(ReaderOptions reader, boolean resume, long checkpointMillis, boolean spreadsheetSafe,
                           boolean html) {

    /** Two seconds between checkpoints: cheap (three flushes and a rename) and little to redo. */
    public static final long DEFAULT_CHECKPOINT_MILLIS = 2_000;

    public BatchOptions {
        Objects.requireNonNull(reader, "reader");
        if (checkpointMillis < 0) {
            throw new IllegalArgumentException("checkpointMillis must not be negative");
        }
    }

    /** Default reading, no resume (threads and batches are the {@link Scorer}'s pipeline options). */
    public static BatchOptions defaults() {
        return new BatchOptions(ReaderOptions.DEFAULT, false, DEFAULT_CHECKPOINT_MILLIS, false, false);
    }

    /** A copy with other reader options. */
    public BatchOptions withReader(ReaderOptions r) {
        return new BatchOptions(r, resume, checkpointMillis, spreadsheetSafe, html);
    }

    /** A copy that resumes (or not). */
    public BatchOptions withResume(boolean r) {
        return new BatchOptions(reader, r, checkpointMillis, spreadsheetSafe, html);
    }

    /** A copy with another checkpoint interval. */
    public BatchOptions withCheckpointMillis(long millis) {
        return new BatchOptions(reader, resume, millis, spreadsheetSafe, html);
    }

    /** A copy that writes input text safely for spreadsheets (or not). */
    public BatchOptions withSpreadsheetSafe(boolean safe) {
        return new BatchOptions(reader, resume, checkpointMillis, safe, html);
    }

    /** A copy that also writes {@code articles.html} (or not). */
    public BatchOptions withHtml(boolean page) {
        return new BatchOptions(reader, resume, checkpointMillis, spreadsheetSafe, page);
    }
}
