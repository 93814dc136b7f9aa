package org.stancekit.inference.aggregate;

import java.util.Comparator;
import java.util.List;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

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

    /**
     * The sentences that drove the article's stance toward party {@code p}: those whose own most
     * probable stance toward it is the article's stance, most probable first, at most {@code n}
     * (in sentence order among equals). Under the chosen roll-up rule these are the votes that
     * decided it; none when the article's stance is NONE.
     */
    public List<SentenceScore> drivers(int p, int n) {
        String stance = parties.get(p).stance();
        if (stance.equals(LabelSchema.NONE)) {
            return List.of();
        }
        return sentences.stream()
                .filter(s -> s.prediction().stances().get(p).best().equals(stance))
                .sorted(Comparator.comparingDouble((SentenceScore s) -> {
                    Distribution d = s.prediction().stances().get(p);
                    return -d.probability(stance);
                }).thenComparingInt(SentenceScore::index))
                .limit(n)
                .toList();
    }
}
