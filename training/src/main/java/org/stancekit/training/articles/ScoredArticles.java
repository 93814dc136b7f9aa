package org.stancekit.training.articles;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.domain.Article;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.ArticleEvaluation;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.aggregate.ArticleAggregator;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.PartyScore;
import org.stancekit.inference.aggregate.RollUpRule;
import org.stancekit.model.StanceModel;
import org.stancekit.text.PartyLexicon;
import org.stancekit.training.LabelledArticle;

/**
 * Labelled articles scored the way {@code stancekit score} scores them (the {@link Scorer}: split
 * into sentences, predict, roll up), kept with their sentence predictions so that any roll-up rule
 * can be applied again without a second forward pass.
 *
 * @param schema the model's labels
 * @param lexicon the model's party lexicon (which sentences name a party)
 * @param articles the labelled articles, in order
 * @param scores their scores, in the same order
 */
public record ScoredArticles(LabelSchema schema, PartyLexicon lexicon, List<LabelledArticle> articles,
                             List<ArticleScore> scores) {

    public ScoredArticles {
        articles = List.copyOf(articles);
        scores = List.copyOf(scores);
    }

    /** Scores the labelled articles of one split with every core. */
    public static ScoredArticles score(StanceModel<?, ?> model, List<LabelledArticle> labelled, Split split) {
        List<LabelledArticle> chosen = labelled.stream().filter(a -> a.split() == split).toList();
        List<ArticleScore> scores = new ArrayList<>(chosen.size());
        new Scorer(model).scoreAll(chosen.stream().map(a -> new Article(a.docId(), a.text())).iterator(), scores::add);
        return new ScoredArticles(model.schema(), model.lexicon(), chosen, scores);
    }

    /** Gold stances per document, one per party in schema order. */
    public List<List<String>> gold() {
        return articles.stream().map(LabelledArticle::stances).toList();
    }

    /** The stances {@code rule} gives each document, one per party in schema order. */
    public List<List<String>> predicted(RollUpRule rule) {
        ArticleAggregator aggregator = new ArticleAggregator(schema, rule, lexicon);
        return scores.stream().map(s -> aggregator.aggregate(s.articleId(), s.sentences()).parties().stream()
                .map(PartyScore::stance).toList()).toList();
    }

    /** The evaluation of {@code rule} on these articles. */
    public ArticleEvaluation evaluate(RollUpRule rule) {
        return ArticleEvaluation.of(schema, gold(), predicted(rule));
    }

    /** True when there are no articles. */
    public boolean isEmpty() {
        return articles.isEmpty();
    }
}
