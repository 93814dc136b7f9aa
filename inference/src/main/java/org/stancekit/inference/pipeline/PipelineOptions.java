package org.stancekit.inference.pipeline;

/**
 * Tuning of the {@link ScoringPipeline}. The defaults were measured on a 2-core machine; see the
 * README's benchmark section.
 *
 * @param workers threads that split and encode articles (default: one per core)
 * @param batchSize sentences per forward pass (default {@value #DEFAULT_BATCH_SIZE})
 * @param windowSentences sentences gathered, across article boundaries, before they are sorted by
 *                        length and cut into batches (default {@value #DEFAULT_WINDOW_SENTENCES})
 * @param queuedArticles articles read ahead of the inference thread at most
 * @param inFlightChars characters of article text read but not yet scored at most; with the two
 *                      counts above this bounds the pipeline's memory whatever the input
 * @param idleFlushMillis when positive, a window that has waited this long for more input is
 *                        scored as it is, so that results stream out of a slow source (standard
 *                        input); 0 makes windows depend on the input alone, so that reruns are
 *                        identical
 */
public record PipelineOptions(int workers, int batchSize, int windowSentences, int queuedArticles,
                              long inFlightChars, long idleFlushMillis) {

    /** Sentences per forward pass: past about a thousand the per-call overhead is paid off. */
    public static final int DEFAULT_BATCH_SIZE = 1024;
    /** Sentences sorted together: eight batches' worth leaves little padding in each. */
    public static final int DEFAULT_WINDOW_SENTENCES = 8192;

    public PipelineOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (batchSize < 1 || windowSentences < 1 || queuedArticles < 1) {
            throw new IllegalArgumentException("batch, window and queue sizes must be positive");
        }
        if (inFlightChars < 1024) {
            throw new IllegalArgumentException("inFlightChars must be at least 1024, got " + inFlightChars);
        }
        if (idleFlushMillis < 0) {
            throw new IllegalArgumentException("idleFlushMillis must not be negative");
        }
    }

    /** The defaults: one worker a core, 1024-sentence batches, 8192-sentence windows, 16M characters in flight. */
    public static PipelineOptions defaults() {
        return new PipelineOptions(Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH_SIZE,
                DEFAULT_WINDOW_SENTENCES, 1024, 16L << 20, 0);
    }

    /** A copy with another number of workers. */
    public PipelineOptions withWorkers(int n) {
        return new PipelineOptions(n, batchSize, windowSentences, queuedArticles, inFlightChars, idleFlushMillis);
    }

    /** A copy with other batch and window sizes. */
    public PipelineOptions withBatching(int batch, int window) {
        return new PipelineOptions(workers, batch, window, queuedArticles, inFlightChars, idleFlushMillis);
    }

    /** A copy with another idle flush delay. */
    public PipelineOptions withIdleFlushMillis(long millis) {
        return new PipelineOptions(workers, batchSize, windowSentences, queuedArticles, inFlightChars, millis);
    }

    /** Characters a window holds before it is scored even if it has fewer sentences than planned. */
    long windowChars() {
        return inFlightChars / 4;
    }
}
