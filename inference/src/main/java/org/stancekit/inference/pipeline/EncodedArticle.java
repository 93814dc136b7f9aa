package org.stancekit.inference.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.inference.aggregate.ArticleAggregator;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.model.StanceModel;

/**
 * An article split into sentences, each featurised by the model ({@code StanceModel.encode}).
 *
 * @param id the article id
 * @param sentences the sentences, in order
 * @param inputs one network input per sentence
 */
public record EncodedArticle(String id, List<String> sentences, List<?> inputs) {

    /** Number of sentences. */
    public int size() {
        return sentences.size();
    }

    /**
     * The article's score from its sentences' probability rows: each row becomes a prediction by
     * the model's decision rule, and the sentences roll up into the article. The one place network
     * output becomes sentence and article scores, for the streaming pipeline and the one-call
     * {@code Scorer.score} alike.
     *
     * @param rows one probability row per sentence, as the network output it
     */
    public ArticleScore score(float[][] rows, StanceModel<?, ?> model, ArticleAggregator aggregator) {
        List<SentenceScore> scored = new ArrayList<>(size());
        for (int k = 0; k < size(); k++) {
            scored.add(new SentenceScore(k, sentences.get(k), model.prediction(rows[k])));
        }
        return aggregator.aggregate(id, scored);
    }
}
