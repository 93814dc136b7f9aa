package org.stancekit.inference.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

/**
 * Rolls sentence predictions up into an article-level view. Per party, the sentences' stance
 * distributions become {@link PartyEvidence} and a {@link RollUpRule} turns it into the party's
 * {@code stance} and {@code score}; {@code mentions} counts the sentences that refer to the party
 * (most probable stance not NONE) and {@code confidence} is the mean of {@code 1 − P(NONE)} over
 * them: the share of probability the score rests on, so a stance built on sentences the model
 * barely sees as referring (near 0.5) can be told from one built on clear references (near 1).
 *
 * <p>Sentiment: {@code sentimentScore} is the mean over all sentences of P(POSITIVE) −
 * P(NEGATIVE); the label is POSITIVE or NEGATIVE beyond ±{@value #THRESHOLD}, NEUTRAL in between.
 */
public final class ArticleAggregator {

    /** How far from 0 the sentiment score must be to count as a direction. */
    public static final double THRESHOLD = 0.2;

    private final LabelSchema schema;
    private final RollUpRule rule;

    /** An aggregator for models with this schema, with the {@linkplain RollUpRule#DEFAULT default rule}. */
    public ArticleAggregator(LabelSchema schema) {
        this(schema, RollUpRule.DEFAULT);
    }

    /** An aggregator with this roll-up rule. */
    public ArticleAggregator(LabelSchema schema, RollUpRule rule) {
        this.schema = schema;
        this.rule = rule;
    }

    /** The roll-up rule it applies. */
    public RollUpRule rule() {
        return rule;
    }

    /** Aggregates the scored sentences of one article. */
    public ArticleScore aggregate(String articleId, List<SentenceScore> sentences) {
        List<PartyScore> parties = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            List<Distribution> stances = new ArrayList<>(sentences.size());
            for (SentenceScore s : sentences) {
                stances.add(s.prediction().stances().get(p));
            }
            PartyEvidence e = PartyEvidence.of(stances);
            parties.add(new PartyScore(schema.parties().get(p), rule.stanceOf(e), rule.scoreOf(e), e.mentions(),
                    e.confidence()));
        }
        double sentiment = 0;
        for (SentenceScore s : sentences) {
            Distribution d = s.prediction().sentiment();
            sentiment += d.probability(LabelSchema.POSITIVE) - d.probability(LabelSchema.NEGATIVE);
        }
        sentiment = sentences.isEmpty() ? 0.0 : sentiment / sentences.size();
        return new ArticleScore(articleId, sentences, parties,
                direction(sentiment, LabelSchema.POSITIVE, LabelSchema.NEGATIVE, LabelSchema.NEUTRAL), sentiment);
    }

    private static String direction(double score, String up, String down, String neither) {
        if (score >= THRESHOLD) {
            return up;
        }
        return score <= -THRESHOLD ? down : neither;
    }
}
