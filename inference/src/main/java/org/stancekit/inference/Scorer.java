package org.stancekit.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.stancekit.domain.Article;
import org.stancekit.inference.pipeline.ArticleEncoder;
import org.stancekit.inference.pipeline.EncodedArticle;
import org.stancekit.inference.pipeline.PipelineInput;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.inference.pipeline.PipelineResult;
import org.stancekit.inference.pipeline.ScoringPipeline;
import org.stancekit.inference.pipeline.WindowScorer;
import org.stancekit.model.StanceModel;
import org.stancekit.inference.aggregate.ArticleAggregator;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.read.ArticleInput;

/**
 * Scores articles with a model bundle: split into sentences, predict every sentence, aggregate.
 * The Java entry point for programs that embed StanceKit:
 * <pre>{@code
 * try (StanceModel<?, ?> model = new BundleReader().readDefault()) {   // closing frees ONNX Runtime's session
 *     Scorer scorer = new Scorer(model);
 *     ArticleScore one = scorer.score(new Article("a1", text));          // on the calling thread
 *     scorer.scoreAll(articles.iterator(), score -> save(score));       // a stream, on every core
 * }
 * }</pre>
 * A scorer is safe to share between threads; forward passes take turns on the one network.
 */
public final class Scorer {

    private final StanceModel<?, ?> bundle;
    private final PipelineOptions options;
    private final ArticleEncoder encoder;
    private final WindowScorer<?, ?> windows;
    private final ArticleAggregator aggregator;

    /** A scorer over a loaded model, with the model's default pipeline options. */
    public Scorer(StanceModel<?, ?> bundle) {
        this(bundle, PipelineOptions.defaults(bundle));
    }

    /** A scorer over a loaded model, with these pipeline options for {@link #scoreAll}. */
    public Scorer(StanceModel<?, ?> bundle, PipelineOptions options) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.options = Objects.requireNonNull(options, "options");
        this.encoder = new ArticleEncoder(bundle);
        this.windows = scorer(bundle, options);
        this.aggregator = ArticleAggregator.of(bundle);
    }

    private static <I, B> WindowScorer<I, B> scorer(StanceModel<I, B> model, PipelineOptions options) {
        return new WindowScorer<>(model, options.batchSize(), options.batchCells());
    }

    /** Scores one article, on the calling thread. An article without sentences gets an empty score. */
    public ArticleScore score(Article article) {
        return score(List.of(article)).get(0);
    }

    /**
     * Scores several articles on the calling thread; their sentences share forward passes, which
     * is much faster than one article at a time. Results are in input order.
     */
    public List<ArticleScore> score(List<Article> articles) {
        List<EncodedArticle> encoded = new ArrayList<>(articles.size());
        for (Article a : articles) {
            encoded.add(encoder.encode(a));
        }
        float[][][] rows = windows.score(encoded);
        List<ArticleScore> out = new ArrayList<>(articles.size());
        for (int i = 0; i < encoded.size(); i++) {
            out.add(encoded.get(i).score(rows[i], bundle, aggregator));
        }
        return out;
    }

    /**
     * Scores a stream of articles with every core and hands each score to {@code sink} in input
     * order, on the calling thread, while later articles are still being read and scored. Memory
     * stays bounded however many articles the iterator yields; the iterator is consumed on a
     * pipeline thread. An article without sentences gets an empty score.
     *
     * @throws IllegalStateException when an article cannot be scored (its text breaks the splitter
     *                               or encoder); exceptions from the iterator or the sink end the
     *                               run and are rethrown as they are
     */
    public void scoreAll(Iterator<? extends Article> articles, Consumer<? super ArticleScore> sink) {
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(sink, "sink");
        ScoringPipeline pipeline = newPipeline(options);
        try {
            long[] index = {0};
            pipeline.run(emit -> {
                while (articles.hasNext()) {
                    Article a = articles.next();
                    emit.accept(new PipelineInput(new ArticleInput.Loaded(a, "article " + index[0]++), -1));
                }
            }, result -> {
                if (result instanceof PipelineResult.Scored s) {
                    sink.accept(s.score());
                } else {
                    ArticleInput.Failed f = ((PipelineResult.Failed) result).failure();
                    throw new IllegalStateException(f.location() + " (" + f.id() + "): " + f.reason());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new streaming pipeline over this scorer's bundle (one per run; see {@link ScoringPipeline}). */
    public ScoringPipeline newPipeline(PipelineOptions pipelineOptions) {
        return new ScoringPipeline(bundle, pipelineOptions);
    }

    /** The model this scorer uses. */
    public StanceModel<?, ?> bundle() {
        return bundle;
    }

    /** The pipeline options of {@link #scoreAll}. */
    public PipelineOptions options() {
        return options;
    }
}
