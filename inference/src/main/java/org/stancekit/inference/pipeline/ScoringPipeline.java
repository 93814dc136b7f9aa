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
import org.stancekit.inference.aggregate.SentenceScore;
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
        this.aggregator = new ArticleAggregator(model.schema());
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
                Object next = stages.scored.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    sink.idle();
                } else if (next instanceof Item item) {
                    if (item.fatal != null) {
                        throw rethrow(item.fatal);
                    }
                    return true;
                } else {
                    ScoredWindow window = (ScoredWindow) next;
                    for (int i = 0; i < window.items.size() && !stopRequested; i++) {
                        sink.accept(result(window.items.get(i), window.rows[i]));
                    }
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
                Item item = stages.take();
                if (item.fatal != null) {
                    throw rethrow(item.fatal);
                }
                if (item.end) {
                    return sentences;
                }
                stages.budget.release(item.chars);
                sentences += item.sentences();
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

    private PipelineResult result(Item item, float[][] rows) {
        if (item.failure != null) {
            return new PipelineResult.Failed(item.failure, item.input.position());
        }
        EncodedArticle a = item.article;
        List<SentenceScore> sentences = new ArrayList<>(a.size());
        for (int k = 0; k < a.size(); k++) {
            sentences.add(new SentenceScore(k, a.sentences().get(k), model.prediction(rows[k])));
        }
        ArticleScore score = aggregator.aggregate(a.id(), sentences);
        String location = ((ArticleInput.Loaded) item.input.input()).location();
        return new PipelineResult.Scored(score, location, item.input.position());
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

    /** One item on its way through: an encoded article, a failure, the end, or a fatal error. */
    private static final class Item {
        static final Item END = new Item(null, null, null, 0, null, true);

        final PipelineInput input;
        final EncodedArticle article;
        final ArticleInput.Failed failure;
        final int chars;
        final Throwable fatal;
        final boolean end;

        private Item(PipelineInput input, EncodedArticle article, ArticleInput.Failed failure, int chars,
                     Throwable fatal, boolean end) {
            this.input = input;
            this.article = article;
            this.failure = failure;
            this.chars = chars;
            this.fatal = fatal;
            this.end = end;
        }

        static Item article(PipelineInput input, EncodedArticle article, int chars) {
            return new Item(input, article, null, chars, null, false);
        }

        static Item failed(PipelineInput input, ArticleInput.Failed failure, int chars) {
            return new Item(input, null, failure, chars, null, false);
        }

        static Item fatal(Throwable t) {
            return new Item(null, null, null, 0, t, false);
        }

        int sentences() {
            return article == null ? 0 : article.size();
        }
    }

    /** A window's items, their sentences packed for the network, and the characters they hold. */
    private record PackedItems(List<Item> items, WindowScorer.PackedWindow window, long chars) {
    }

    /** A window's items and, for each scored one, its sentences' probability rows. */
    private record ScoredWindow(List<Item> items, float[][][] rows) {
    }

    /** Thrown through the source to unwind the reader when the run is cancelled. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** The threads and queues of one run; closing stops them all. */
    private final class Stages implements AutoCloseable {
        final BlockingQueue<Future<Item>> encoded = new ArrayBlockingQueue<>(options.queuedArticles());
        final BlockingQueue<Object> packed = new ArrayBlockingQueue<>(1);
        final BlockingQueue<Object> scored = new ArrayBlockingQueue<>(2);
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
                put(CompletableFuture.completedFuture(Item.END));
            } catch (Cancelled e) {
                // The run is over; nobody reads the queue any more.
            } catch (Throwable t) {
                try {
                    put(CompletableFuture.completedFuture(Item.fatal(t)));
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
                put(CompletableFuture.completedFuture(Item.failed(in, (ArticleInput.Failed) in.input(), 0)));
            }
        }

        private Item encode(PipelineInput in, ArticleInput.Loaded loaded, int chars) {
            try {
                return Item.article(in, encoder.encode(loaded.article()), chars);
            } catch (RuntimeException | StackOverflowError e) {
                return Item.failed(in, new ArticleInput.Failed(loaded.location(), loaded.article().id(),
                        "scoring failed: " + e), chars);
            }
        }

        private void put(Future<Item> f) {
            try {
                encoded.put(f);
            } catch (InterruptedException e) {
                throw new Cancelled();
            }
        }

        Item take() throws InterruptedException {
            try {
                return encoded.take().get();
            } catch (ExecutionException e) {
                return Item.fatal(e.getCause());
            }
        }

        /** Gathers encoded articles into windows and packs each for the network. */
        void packLoop() {
            List<Item> window = new ArrayList<>();
            int sentences = 0;
            long chars = 0;
            // The first windows are small and double up to the full size, so that the network starts
            // soon after the first articles are read instead of idling while a whole window fills;
            // still a function of the input alone.
            int windowSize = Math.min(options.windowSentences(), 2048);
            try {
                while (true) {
                    Future<Item> next = options.idleFlushMillis() > 0 && !window.isEmpty()
                            ? encoded.poll(options.idleFlushMillis(), TimeUnit.MILLISECONDS) : encoded.take();
                    Item item;
                    if (next == null) {
                        item = null;
                    } else {
                        try {
                            item = next.get();
                        } catch (ExecutionException e) {
                            item = Item.fatal(e.getCause());
                        }
                    }
                    boolean last = item != null && (item.end || item.fatal != null);
                    if (item != null && !last) {
                        window.add(item);
                        sentences += item.sentences();
                        chars += item.chars;
                    }
                    if (!window.isEmpty() && (item == null || last || sentences >= windowSize
                            || chars >= options.windowChars())) {
                        packed.put(pack(window, chars));
                        window = new ArrayList<>();
                        sentences = 0;
                        chars = 0;
                        windowSize = Math.min(options.windowSentences(), windowSize * 2);
                    }
                    if (last) {
                        packed.put(item);
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // Cancelled.
            } catch (Throwable t) {
                report(packed, t);
            }
        }

        private PackedItems pack(List<Item> items, long chars) {
            List<EncodedArticle> articles = new ArrayList<>(items.size());
            for (Item item : items) {
                if (item.article != null) {
                    articles.add(item.article);
                }
            }
            return new PackedItems(items, windows.pack(articles), chars);
        }

        /** Runs packed windows through the network, in order, and passes the end or a failure on. */
        void inferLoop() {
            try {
                while (true) {
                    Object next = packed.take();
                    if (next instanceof Item last) {
                        scored.put(last);
                        return;
                    }
                    PackedItems p = (PackedItems) next;
                    float[][][] scoredRows = windows.run(p.window);
                    float[][][] rows = new float[p.items.size()][][];
                    int a = 0;
                    for (int i = 0; i < rows.length; i++) {
                        if (p.items.get(i).article != null) {
                            rows[i] = scoredRows[a++];
                        }
                    }
                    // Released once scored, not once written: windows downstream are bounded by
                    // count, and releasing here means a full budget can always drain.
                    budget.release((int) Math.min(Integer.MAX_VALUE, p.chars));
                    scored.put(new ScoredWindow(p.items, rows));
                }
            } catch (InterruptedException e) {
                // Cancelled.
            } catch (Throwable t) {
                report(scored, t);
            }
        }

        private void report(BlockingQueue<Object> queue, Throwable t) {
            try {
                queue.put(Item.fatal(t));
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
