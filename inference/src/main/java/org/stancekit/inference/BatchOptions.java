package org.stancekit.inference;

import java.util.Objects;
import org.stancekit.inference.pipeline.PipelineOptions;

/**
 * How {@link BatchScorer} runs.
 *
 * @param reader how inputs are read (columns, longest article)
 * @param pipeline threads, batch and window sizes
 * @param resume continue an interrupted run in the same output folder instead of starting over
 * @param checkpointMillis how often the progress record is brought up to date; a crash loses at
 *                         most this much work
 */
public record BatchOptions(ReaderOptions reader, PipelineOptions pipeline, boolean resume, long checkpointMillis) {

    /** Two seconds between checkpoints: cheap (three flushes and a rename) and little to redo. */
    public static final long DEFAULT_CHECKPOINT_MILLIS = 2_000;

    public BatchOptions {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(pipeline, "pipeline");
        if (checkpointMillis < 0) {
            throw new IllegalArgumentException("checkpointMillis must not be negative");
        }
    }

    /** Default reading and pipeline, no resume. */
    public static BatchOptions defaults() {
        return new BatchOptions(ReaderOptions.DEFAULT, PipelineOptions.defaults(), false, DEFAULT_CHECKPOINT_MILLIS);
    }

    /** A copy with other reader options. */
    public BatchOptions withReader(ReaderOptions r) {
        return new BatchOptions(r, pipeline, resume, checkpointMillis);
    }

    /** A copy with other pipeline options. */
    public BatchOptions withPipeline(PipelineOptions p) {
        return new BatchOptions(reader, p, resume, checkpointMillis);
    }

    /** A copy that resumes (or not). */
    public BatchOptions withResume(boolean r) {
        return new BatchOptions(reader, pipeline, r, checkpointMillis);
    }

    /** A copy with another checkpoint interval. */
    public BatchOptions withCheckpointMillis(long millis) {
        return new BatchOptions(reader, pipeline, resume, millis);
    }
}
