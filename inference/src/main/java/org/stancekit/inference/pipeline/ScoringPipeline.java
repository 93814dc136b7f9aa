package org.stancekit.inference.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.stancekit.inference.aggregate.ArticleAggregator;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.model.StanceModel;

/**
 * Scores a stream of articles with every core while keeping input order and flat memory:
 * <pre>
 * reader thread ─▶ [ordered queue of futures] ◀─ encoder workers (split + encode, in parallel)
 *                          │ in order
 *                          ▼
 *                 packer thread: window of articles → batches by length → packed network input
 *                          │ [queue of one packed window]
 *                          ▼
 *                 inference thread: forward passes, nothing else
 *                          │ [queue of scored windows]
 *                          ▼
 *                 calling thread: predictions → aggregation → sink, in input order
 * </pre>
 * The forward passes are the one stage that cannot run in parallel, so the inference thread does
 * nothing else: the next window is planned and packed while the network runs this one (measured
 * on two cores: packing took 5–8% of the inference thread's time).
 * The threads around the inference thread run at a lower priority ({@link HelperPriority}), so
 * that they yield a shared core to it; the calling thread keeps its own.
 * The reader submits each article to the worker pool and queues its future in reading order, so
 * the packer thread takes results in order however the workers finish: ordering costs no
 * sorting and no reorder buffer. Every queue is bounded and the text read but not yet scored is
 * bounded by {@link PipelineOptions#inFlightChars()}, so a slow stage stalls the ones before it
 * instead of filling memory.
 *
 * <p>A failure in any thread ends the run: the calling thread rethrows it and every other thread
 * is stopped; nothing waits forever. A failure to encode one article is not a run failure: that
 * article comes back as {@link PipelineResult.Failed} and the run goes on.
 */
public final class ScoringPipeline {

    /** Produces the items to score, in order; called once, on the pipeline's reader thread. */
    @FunctionalInterface
    public interface Source {
        /** Emits every item in order; {@code emit} blocks while the pipeline is full. */
        void read(Consumer<PipelineInput> emit) throws IOException;
    }

    /** Receives results in input order, on the thread that called {@link #run}. */
    public interface Sink {
        /** One result. */
        void accept(PipelineResult result) throws IOException;

        /** Called about every quarter second while no result arrives (for checkpoints and progress). */
        default void idle() throws IOException {
        }
    }

    /** How long the calling thread waits for results before it calls {@link Sink#idle()}. */
    static final long TICK_MILLIS = 250;

    private final StanceModel<?, ?> model;
    private final ArticleEncoder encoder;
    private final WindowScorer<?, ?> windows;
    private final ArticleAggregator aggregator;
    private final PipelineOptions options;
    private volatile boolean stopRequested;

    /** A pipeline over a model. */
    public ScoringPipeline(StanceModel<?, ?> model, PipelineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.model = Objects.requireNonNull(model, "model");
        this.encoder = new ArticleEncoder(model);
        this.windows = scorer(model, options);
        this.aggregator = ArticleAggregator.of(model);
    }

    private static <I, B> WindowScorer<I, B> scorer(StanceModel<I, B> model, PipelineOptions options) {
        return new WindowScorer<>(model, options.batchSize(), options.batchCells());
    }

    /**
     * Scores every item of {@code source}, handing results to {@code sink} in input order.
     *
     * @return true when the source was scored to its end, false when {@link #stop()} ended the
     *         run early (every result handed over until then is complete)
     * @throws IOException what the source or the sink threw
     */
    public boolean run(Source source, Sink sink) throws IOException {
        try (Stages stages = new Stages(source)) {
            stages.thread("packer", stages.helpers.lowered(stages::packLoop)).start();
            stages.thread("inference", stages::inferLoop).start();
            while (!stopRequested) {
                FromNetwork next = stages.scored.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    sink.idle();
                } else if (next instanceof Fatal fatal) {
                    throw rethrow(fatal.cause());
                } else if (next instanceof ScoredWindow window) {
                    for (int i = 0; i < window.entries().size() && !stopRequested; i++) {
                        sink.accept(result(window.entries().get(i), window.rows()[i]));
                    }
                } else {
                    return true; // End
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("scoring interrupted");
        }
    }

    /**
     * Reads, splits and encodes every item of {@code source} as {@link #run} does, and discards
     * the result: the benchmark's measure of everything before the network.
     *
     * @return the number of sentences encoded
     */
    public long encodeOnly(Source source) throws IOException {
        long sentences = 0;
        try (Stages stages = new Stages(source)) {
            while (true) {
                FromEncoder item = stages.take();
                if (item instanceof Fatal fatal) {
                    throw rethrow(fatal.cause());
                }
                if (item instanceof Entry entry) {
                    stages.budget.release(entry.chars());
                    sentences += entry.sentences();
                } else {
                    return sentences; // End
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("encoding interrupted");
        }
    }

    /**
     * Asks a running {@link #run} to return after the result it is handing over, for a clean
     * stop on Ctrl-C; safe to call from any thread.
     */
    public void stop() {
        stopRequested = true;
    }

    private PipelineResult result(Entry entry, float[][] rows) {
        if (entry instanceof Skipped skipped) {
            return new PipelineResult.Failed(skipped.failure(), skipped.input().position());
        }
        Encoded encoded = (Encoded) entry;
        ArticleScore score = encoded.article().score(rows, model, aggregator);
        String location = ((ArticleInput.Loaded) encoded.input().input()).location();
        return new PipelineResult.Scored(score, location, encoded.input().position());
    }

    private static IOException rethrow(Throwable t) {
        Throwable cause = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IOException(cause);
    }

    // What travels on the three queues, one sealed type per queue: the encoders hand on entries,
    // the packer windows of entries packed for the network, the network those windows scored; every
    // queue ends with End or Fatal, which each stage passes on.

    /** What the encoders hand to the packer. */
    private sealed interface FromEncoder permits Entry, End, Fatal {
    }

    /** What the packer hands to the network. */
    private sealed interface FromPacker permits PackedWindow, End, Fatal {
    }

    /** What the network hands to the calling thread. */
    private sealed interface FromNetwork permits ScoredWindow, End, Fatal {
    }

    /** One input's place in a window: encoded, or skipped with its failure. */
    private sealed interface Entry extends FromEncoder permits Encoded, Skipped {
        /** The input, with its position in the run. */
        PipelineInput input();

        /** The characters it holds of the in-flight budget. */
        int chars();

        /** The sentences it gives the network. */
        int sentences();
    }

    /** An article split into sentences and encoded. */
    private record Encoded(PipelineInput input, EncodedArticle article, int chars) implements Entry {
        @Override
        public int sentences() {
            return article.size();
        }
    }

    /** An input that failed to read or to encode; it still takes its place in the output order. */
    private record Skipped(PipelineInput input, ArticleInput.Failed failure, int chars) implements Entry {
        @Override
        public int sentences() {
            return 0;
        }
    }

    /** The source is exhausted. */
    private record End() implements FromEncoder, FromPacker, FromNetwork {
    }

    /** A stage failed; the run ends by throwing this. */
    private record Fatal(Throwable cause) implements FromEncoder, FromPacker, FromNetwork {
    }

    private static final End END = new End();

    /** A window's entries, their sentences packed for the network, and the characters they hold. */
    private record PackedWindow(List<Entry> entries, WindowScorer.PackedWindow window, long chars) implements FromPacker {
    }

    /** A window's entries and, for each encoded one, its sentences' probability rows. */
    private record ScoredWindow(List<Entry> entries, float[][][] rows) implements FromNetwork {
    }

    /** Thrown through the source to unwind the reader when the run is cancelled. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** A blocking queue operation. */
    @FunctionalInterface
    private interface InterruptibleAction {
        void run() throws InterruptedException;
    }

    /** The threads and queues of one run; closing stops them all. */
    private final class Stages implements AutoCloseable {
        final BlockingQueue<Future<FromEncoder>> encoded = new ArrayBlockingQueue<>(options.queuedArticles());
        final BlockingQueue<FromPacker> packed = new ArrayBlockingQueue<>(1);
        final BlockingQueue<FromNetwork> scored = new ArrayBlockingQueue<>(2);
        final Semaphore budget = new Semaphore((int) Math.min(Integer.MAX_VALUE, options.inFlightChars()));
        final ExecutorService workers;
        final List<Thread> threads = new ArrayList<>();
        final HelperPriority helpers = HelperPriority.belowCallingThread(options.helperNice());

        Stages(Source source) {
            AtomicInteger n = new AtomicInteger();
            // The reader starts the workers and they inherit its lowered priority; lowering them
            // again costs nothing and holds whichever thread starts one.
            ThreadFactory factory = r -> daemon("encoder-" + n.incrementAndGet(), helpers.lowered(r));
            workers = Executors.newFixedThreadPool(options.workers(), factory);
            Thread reader = thread("reader", helpers.lowered(() -> readLoop(source)));
            reader.start();
        }

        Thread thread(String name, Runnable body) {
            Thread t = daemon(name, body);
            threads.add(t);
            return t;
        }

        private Thread daemon(String name, Runnable body) {
            // Daemon threads: a reader blocked on standard input must not keep the JVM alive.
            Thread t = new Thread(body, "stancekit-" + name);
            t.setDaemon(true);
            return t;
        }

        void readLoop(Source source) {
            try {
                source.read(this::submit);
                put(CompletableFuture.completedFuture(END));
            } catch (Cancelled e) {
                // The run is over; nobody reads the queue any more.
            } catch (Throwable t) {
                try {
                    put(CompletableFuture.completedFuture(new Fatal(t)));
                } catch (Cancelled ignored) {
                    // Cancelled while reporting: the run is over anyway.
                }
            }
        }

        private void submit(PipelineInput in) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Cancelled();
            }
            if (in.input() instanceof ArticleInput.Loaded loaded) {
                int chars = (int) Math.min(Math.max(1, loaded.article().text().length()), options.inFlightChars());
                try {
                    budget.acquire(chars);
                } catch (InterruptedException e) {
                    throw new Cancelled();
                }
                put(workers.submit(() -> encode(in, loaded, chars)));
            } else {
                put(CompletableFuture.completedFuture(new Skipped(in, (ArticleInput.Failed) in.input(), 0)));
            }
        }

        private FromEncoder encode(PipelineInput in, ArticleInput.Loaded loaded, int chars) {
            try {
                return new Encoded(in, encoder.encode(loaded.article()), chars);
            } catch (RuntimeException | StackOverflowError e) {
                return new Skipped(in, new ArticleInput.Failed(loaded.location(), loaded.article().id(),
                        "scoring failed: " + e), chars);
            }
        }

        private void put(Future<FromEncoder> f) {
            try {
                encoded.put(f);
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
        }

        FromEncoder take() throws InterruptedException {
            return get(encoded.take());
        }

        private FromEncoder get(Future<FromEncoder> next) throws InterruptedException {
            try {
                return next.get();
            } catch (ExecutionException e) {
                return new Fatal(e.getCause());
            }
        }

        /** Gathers encoded articles into windows and packs each for the network. */
        void packLoop() {
            List<Entry> window = new ArrayList<>();
            int sentences = 0;
            long chars = 0;
            // The first windows are small and double up to the full size, so that the network starts
            // soon after the first articles are read instead of idling while a whole window fills;
            // still a function of the input alone.
            int windowSize = Math.min(options.windowSentences(), 2048);
            try {
                while (true) {
                    Future<FromEncoder> next = options.idleFlushMillis() > 0 && !window.isEmpty()
                            ? encoded.poll(options.idleFlushMillis(), TimeUnit.MILLISECONDS) : encoded.take();
                    FromEncoder item = next == null ? null : get(next); // null: idle, flush what there is
                    if (item instanceof Entry entry) {
                        window.add(entry);
                        sentences += entry.sentences();
                        chars += entry.chars();
                    }
                    boolean last = item instanceof End || item instanceof Fatal;
                    if (!window.isEmpty() && (item == null || last || sentences >= windowSize
                            || chars >= options.windowChars())) {
                        packed.put(pack(window, chars));
                        window = new ArrayList<>();
                        sentences = 0;
                        chars = 0;
                        windowSize = Math.min(options.windowSentences(), windowSize * 2);
                    }
                    if (item instanceof End end) {
                        packed.put(end);
                        return;
                    }
                    if (item instanceof Fatal fatal) {
                        packed.put(fatal);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // Cancelled.
            } catch (Throwable t) {
                report(() -> packed.put(new Fatal(t)));
            }
        }

        private PackedWindow pack(List<Entry> entries, long chars) {
            List<EncodedArticle> articles = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                if (entry instanceof Encoded encoded) {
                    articles.add(encoded.article());
                }
            }
            return new PackedWindow(entries, windows.pack(articles), chars);
        }

        /** Runs packed windows through the network, in order, and passes the end or a failure on. */
        void inferLoop() {
            try {
                while (true) {
                    FromPacker next = packed.take();
                    if (next instanceof End end) {
                        scored.put(end);
                        return;
                    }
                    if (next instanceof Fatal fatal) {
                        scored.put(fatal);
                        return;
                    }
                    PackedWindow p = (PackedWindow) next;
                    float[][][] scoredRows = windows.run(p.window());
                    float[][][] rows = new float[p.entries().size()][][];
                    int a = 0;
                    for (int i = 0; i < rows.length; i++) {
                        if (p.entries().get(i) instanceof Encoded) {
                            rows[i] = scoredRows[a++];
                        }
                    }
                    // Released once scored, not once written: windows downstream are bounded by
                    // count, and releasing here means a full budget can always drain.
                    budget.release((int) Math.min(Integer.MAX_VALUE, p.chars()));
                    scored.put(new ScoredWindow(p.entries(), rows));
                }
            } catch (InterruptedException e) {
                // Cancelled.
            } catch (Throwable t) {
                report(() -> scored.put(new Fatal(t)));
            }
        }

        /** Hands a stage's failure on; the put may be cut short by cancellation. */
        private void report(InterruptibleAction put) {
            try {
                put.run();
            } catch (InterruptedException ignored) {
                // Cancelled while reporting.
            }
        }

        @Override
        public void close() {
            workers.shutdownNow();
            for (Thread t : threads) {
                t.interrupt();
            }
            for (Thread t : threads) {
                try {
                    // Bounded: a reader blocked on standard input cannot be interrupted, and is a daemon.
                    t.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
