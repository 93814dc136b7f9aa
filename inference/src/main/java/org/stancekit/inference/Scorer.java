package org.stancekit.inference;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.domain.Article;
import org.stancekit.domain.Prediction;
import org.stancekit.text.SentenceSplitter;

/**
 * Scores articles with a model bundle: split into sentences, predict every sentence, aggregate.
 * The Java entry point for programs that embed StanceKit:
 * <pre>{@code
 * Scorer scorer = new Scorer(new BundleReader().readDefault());
 * ArticleScore score = scorer.score(new Article("a1", text));
 * }</pre>
 */
public final class Scorer {

    private final ModelBundle bundle;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ArticleAggregator aggregator;

    /** A scorer over a loaded bundle. */
    public Scorer(ModelBundle bundle) {
        this.bundle = bundle;
        this.aggregator = new ArticleAggregator(bundle.schema());
    }

    /** Scores one article. */
    public ArticleScore score(Article article) {
        return score(List.of(article)).get(0);
    }

    /**
     * Scores several articles at once; their sentences share forward passes, which is much faster
     * than one article at a time. Results are in input order.
     */
    public List<ArticleScore> score(List<Article> articles) {
        List<List<String>> split = new ArrayList<>(articles.size());
        List<String> all = new ArrayList<>();
        for (Article a : articles) {
            List<String> sentences = splitter.split(a.text());
            split.add(sentences);
            all.addAll(sentences);
        }
        List<Prediction> predictions = bundle.predict(all);
        List<ArticleScore> out = new ArrayList<>(articles.size());
        int next = 0;
        for (int i = 0; i < articles.size(); i++) {
            List<String> sentences = split.get(i);
            List<SentenceScore> scored = new ArrayList<>(sentences.size());
            for (int k = 0; k < sentences.size(); k++) {
                scored.add(new SentenceScore(k, sentences.get(k), predictions.get(next++)));
            }
            out.add(aggregator.aggregate(articles.get(i).id(), scored));
        }
        return out;
    }

    /** The bundle this scorer uses. */
    public ModelBundle bundle() {
        return bundle;
    }
}
