package org.stancekit.inference.pipeline;

import org.stancekit.model.StanceModel;

/**
 * Tuning of the {@link ScoringPipeline}. The defaults were measured on a 2-core machine; see
 * docs/benchmarks.md and docs/history-fast-model.md.
 *
 * @param workers threads that split and encode articles (default: one per core but one, which the
 *                inference thread needs to itself: the forward passes are the one serial stage, and
 *                on two cores one encoder kept pace with them with less contention than two)
 * @param batchSize sentences per forward pass at most (default: the model's, {@code StanceModel.defaultBatchRows})
 * @param batchCells sentences × width (features or padded tokens) per forward pass at most
 *                   (default: the model's); see {@code BatchPlan}
 * @param windowSentences sentences gathered, across article boundaries, before they are sorted by
 *                        length and cut into batches (default: eight batches, at least 2,048)
 * @param queuedArticles articles read ahead of the packer thread at most
 * @param inFlightChars characters of article text read but not yet scored at most; with the two
 *                      counts above this bounds the pipeline's memory whatever the input
 * @param idleFlushMillis when positive, a window that has waited this long for more input is
 *                        scored as it is, so that results stream out of a slow source (standard
 *                        input); 0 makes windows depend on the input alone, so that reruns are
 *                        identical
 * @param helperNice nice steps the reader, the encoder workers and the packer run below the thread
 *                   that calls the pipeline, 0 to 19 (default {@link HelperPriority#configuredStep()}:
 *                   {@value HelperPriority#DEFAULT_STEP} unless {@code -Dstancekit.helperNice} says
 *                   otherwise); 0 leaves every thread at the caller's priority
 */
public record PipelineOptions(int workers, int batchSize, int batchCells, int windowSentences, int queuedArticles,
                              long inFlightChars, long idleFlushMillis, int helperNice) {


    public PipelineOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (batchSize < 1 || batchCells < 1 || windowSentences < 1 || queuedArticles < 1) {
            throw new IllegalArgumentException("batch, window and queue sizes must be positive");
        }
        if (inFlightChars < 1024) {
            throw new IllegalArgumentException("inFlightChars must be at least 1024, got " + inFlightChars);
        }
        if (idleFlushMillis < 0) {
            throw new IllegalArgumentException("idleFlushMillis must not be negative");
        }
        HelperPriority.checkStep(helperNice);
    }

    /** Encoder threads by default: every core but the inference thread's, at least one. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * The defaults for a model: {@link #defaultWorkers()}, the model's batch limits and a window of
     * eight batches (at least 2,048 sentences; for the fast model 16,384, which measured 6% padding
     * where 8K left 11%), the helper threads' step from {@link HelperPriority#configuredStep()}
     * (so a malformed {@code -Dstancekit.helperNice} fails here, before anything runs), and 8M
     * characters in flight: room for about three full windows, which kept the network as busy as
     * 16M did while less text lives long enough to be promoted to the old generation (measured:
     * the peak heap of the benchmark's end-to-end stage varied from 0.6 to 1.1 GB with 16M under G1).
     */
    public static PipelineOptions defaults(StanceModel<?, ?> model) {
        return new PipelineOptions(defaultWorkers(), model.defaultBatchRows(), model.defaultBatchCells(),
                Math.max(2048, 8 * model.defaultBatchRows()), 1024, 8L << 20, 0, HelperPriority.configuredStep());
    }

    /** A copy with another number of workers. */
    public PipelineOptions withWorkers(int n) {
        return new PipelineOptions(n, batchSize, batchCells, windowSentences, queuedArticles, inFlightChars, idleFlushMillis,
                helperNice);
    }

    /** A copy with other batch limits and window size. */
    public PipelineOptions withBatching(int batch, int cells, int window) {
        return new PipelineOptions(workers, batch, cells, window, queuedArticles, inFlightChars, idleFlushMillis, helperNice);
    }

    /** A copy with another idle flush delay. */
    public PipelineOptions withIdleFlushMillis(long millis) {
        return new PipelineOptions(workers, batchSize, batchCells, windowSentences, queuedArticles, inFlightChars, millis,
                helperNice);
    }

    /** A copy with another helper-thread step (0 to 19; 0 for none). */
    public PipelineOptions withHelperNice(int step) {
        return new PipelineOptions(workers, batchSize, batchCells, windowSentences, queuedArticles, inFlightChars,
                idleFlushMillis, step);
    }

    /** Characters a window holds before it is scored even if it has fewer sentences than planned. */
    long windowChars() {
        return inFlightChars / 4;
    }
}
