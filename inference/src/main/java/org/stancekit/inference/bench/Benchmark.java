package org.stancekit.inference.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stancekit.runtime.FileTrees;
import org.stancekit.model.StanceModel;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.read.ArticleReader;
import org.stancekit.inference.batch.BatchOptions;
import org.stancekit.inference.batch.BatchScorer;
import org.stancekit.inference.batch.BatchSummary;
import org.stancekit.inference.write.OutputFormat;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.pipeline.ArticleEncoder;
import org.stancekit.inference.pipeline.EncodedArticle;
import org.stancekit.inference.pipeline.HelperPriority;
import org.stancekit.inference.pipeline.PipelineInput;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.inference.pipeline.ScoringPipeline;
import org.stancekit.inference.pipeline.WindowScorer;

/**
 * Runs the benchmark stages on a corpus folder:
 * <ul>
 *   <li><b>split_tokenize</b>: the pipeline's reader and encoder workers alone: read the files,
 *       split into sentences, tokenise and encode, results discarded;</li>
 *   <li><b>network</b>: the forward pass alone (with reading its output into Java arrays), on
 *       batches planned and packed beforehand exactly as the pipeline plans them, from a sample
 *       of the corpus cycled to its size;</li>
 *   <li><b>end_to_end</b>: {@link BatchScorer}, files in to CSV out, with the heap watched.</li>
 * </ul>
 * {@value #WARM_UP_PASSES} warm-up passes of every stage on up to {@value #WARM_UP} sentences run
 * first: the JIT compiler keeps optimising the text code for tens of seconds (measured: a third of
 * a core through the first 200,000 sentences, and still a tenth of a core in end-to-end runs after
 * two passes), and the figures are meant to be those of a long batch job, not of its first seconds. Each run then measures all three stages in turn, so that load from other
 * processes spreads over them.
 */
public final class Benchmark {

    /** Sentences pre-encoded for the network stage (cycled to the corpus size). */
    static final int NETWORK_SAMPLE = 65_536;
    /** Warm-up passes of every stage before measuring. */
    static final int WARM_UP_PASSES = 4;
    /** Sentences of the warm-up corpus at most. */
    static final long WARM_UP = 100_000;
    /** Sentences of the transformer's warm-up corpus at most. */
    static final long TRANSFORMER_WARM_UP = 1_000;

    private final StanceModel<?, ?> bundle;
    private final PipelineOptions pipeline;
    private final int runs;

    /** A benchmark of this model with these pipeline options, each stage measured {@code runs} times. */
    public Benchmark(StanceModel<?, ?> bundle, PipelineOptions pipeline, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        this.bundle = bundle;
        this.pipeline = pipeline;
        this.runs = runs;
    }

    /**
     * Writes the corpus under {@code work}, measures, and returns the figures; {@code log} hears
     * what is happening.
     */
    public BenchReport run(BenchCorpus corpus, long sentences, Path work, Consumer<String> log) throws IOException {
        log.accept("Writing the corpus...");
        BenchCorpus.Written written = corpus.write(work.resolve("corpus"), sentences);
        BenchCorpus.Written warm = corpus.write(work.resolve("warm-up"),
                Math.min(sentences, transformer() ? TRANSFORMER_WARM_UP : WARM_UP));
        Scorer scorer = new Scorer(bundle, pipeline);
        // The transformer's forward passes are most of its cost and warm up in one short pass.
        int passes = transformer() ? 1 : WARM_UP_PASSES;
        for (int pass = 1; pass <= passes; pass++) {
            log.accept("Warming up (" + pass + " of " + passes + ")...");
            splitTokenize(scorer, warm.folder());
            network(warm.folder(), warm.sentences());
            endToEnd(scorer, warm.folder(), work.resolve("out"), null);
        }
        List<Double> split = new ArrayList<>();
        List<Double> net = new ArrayList<>();
        List<Double> e2e = new ArrayList<>();
        long[] heap = new long[2];
        for (int r = 1; r <= runs; r++) {
            log.accept("Run " + r + " of " + runs + ": split_tokenize...");
            split.add(splitTokenize(scorer, written.folder()));
            log.accept("Run " + r + " of " + runs + ": network...");
            net.add(network(written.folder(), written.sentences()));
            log.accept("Run " + r + " of " + runs + ": end_to_end...");
            e2e.add(endToEnd(scorer, written.folder(), work.resolve("out"), heap));
        }
        return new BenchReport(bundle.manifest().kind(), written.sentences(), written.articles(), written.bytes(),
                Runtime.getRuntime().availableProcessors(), pipeline.workers(), pipeline.batchSize(),
                pipeline.batchCells(), pipeline.windowSentences(), HelperPriority.nativeAvailable() ? pipeline.helperNice() : 0,
                split, net, e2e, heap[0], heap[1], Runtime.getRuntime().maxMemory());
    }

    private boolean transformer() {
        return bundle.manifest().describesTransformer();
    }

    private double splitTokenize(Scorer scorer, Path folder) throws IOException {
        ScoringPipeline p = scorer.newPipeline(pipeline);
        ArticleReader reader = new ArticleReader();
        long start = System.nanoTime();
        long n = p.encodeOnly(emit -> reader.read(List.of(folder), item -> emit.accept(new PipelineInput(item, -1))));
        return rate(n, start);
    }

    private double network(Path folder, long sentences) throws IOException {
        return network(bundle, folder, sentences);
    }

    /** The forward passes alone, on a sample packed as the pipeline packs it, cycled to {@code sentences}. */
    private <I, B> double network(StanceModel<I, B> model, Path folder, long sentences) throws IOException {
        WindowScorer<I, B> windows = new WindowScorer<>(model, pipeline.batchSize(), pipeline.batchCells());
        List<WindowScorer.PackedWindow> sample = packedSample(folder, windows);
        try {
            long done = 0;
            long start = System.nanoTime();
            while (done < sentences) {
                for (WindowScorer.PackedWindow w : sample) {
                    done += windows.forwardOnly(w);
                    if (done >= sentences) {
                        break;
                    }
                }
            }
            return rate(done, start);
        } finally {
            sample.forEach(windows::release);
        }
    }

    /**
     * A sample of the corpus, encoded, gathered into windows and packed by {@code windows} exactly
     * as the pipeline packs them.
     */
    private List<WindowScorer.PackedWindow> packedSample(Path folder, WindowScorer<?, ?> windows) throws IOException {
        ArticleEncoder encoder = new ArticleEncoder(bundle);
        List<WindowScorer.PackedWindow> packed = new ArrayList<>();
        List<EncodedArticle> window = new ArrayList<>();
        int windowSentences = 0;
        long sampled = 0;
        long limit = Math.min(NETWORK_SAMPLE, 16L * pipeline.windowSentences());
        for (Path file : files(folder)) {
            if (sampled >= limit) {
                break;
            }
            for (ArticleInput item : new ArticleReader().readAll(List.of(file))) {
                if (item instanceof ArticleInput.Loaded loaded) {
                    EncodedArticle a = encoder.encode(loaded.article());
                    window.add(a);
                    windowSentences += a.size();
                    sampled += a.size();
                }
            }
            if (windowSentences >= pipeline.windowSentences()) {
                packed.add(windows.pack(window));
                window = new ArrayList<>();
                windowSentences = 0;
            }
        }
        if (!window.isEmpty()) {
            packed.add(windows.pack(window));
        }
        return packed;
    }

    private double endToEnd(Scorer scorer, Path folder, Path out, long[] heap) throws IOException {
        BatchScorer batch = new BatchScorer(scorer, BatchOptions.defaults());
        BatchSummary summary;
        long start;
        try (HeapWatcher watcher = heap == null ? null : new HeapWatcher(pipeline.helperNice())) {
            start = System.nanoTime();
            summary = batch.run(List.of(folder), out, OutputFormat.CSV, s -> { });
            if (watcher != null) {
                heap[0] = Math.max(heap[0], watcher.peak());
                heap[1] = Math.max(heap[1], watcher.peakAfterGc());
            }
        }
        double rate = rate(summary.sentences(), start);
        FileTrees.delete(out);
        return rate;
    }

    private static double rate(long sentences, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : sentences / seconds;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
