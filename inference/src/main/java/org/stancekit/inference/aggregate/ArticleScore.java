package org.stancekit.inference.aggregate;

import java.util.List;

/**
 * A scored article: every sentence's prediction and the article-level roll-up.
 *
 * @param articleId the article's id
 * @param sentences the scored sentences, in order
 * @param parties one roll-up per party, in schema order
 * @param sentiment the article's sentiment label
 * @param sentimentScore mean of P(positive) − P(negative) over the sentences, in [-1, 1]
 */
public record ArticleScore(String articleId, List<SentenceScore> sentences, List<PartyScore> parties,
                           String sentiment, double sentimentScore) {
    public ArticleScore {
        sentences = List.copyOf(sentences);
        parties = List.copyOf(parties);
    }
}
