package org.stancekit.inference.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

/**
 * Rolls sentence predictions up into an article-level view. The rule, per party:
 * <ol>
 *   <li>a sentence <em>refers</em> to the party when its most probable stance is not NONE;
 *       {@code mentions} counts those sentences, and only they count toward the party, so a long
 *       article that names a party once is judged by that one sentence, not diluted by the rest;</li>
 *   <li>each referring sentence contributes {@code (P(FAVOR) − P(AGAINST)) / (1 − P(NONE))}: the
 *       balance of favour and opposition among the probability mass that says "referred to";</li>
 *   <li>{@code score} is the mean contribution, in [-1, 1] (0 without mentions);</li>
 *   <li>{@code stance} is NONE without mentions, FAVOR when {@code score ≥ }{@value #THRESHOLD},
 *       AGAINST when {@code score ≤ −}{@value #THRESHOLD}, NEUTRAL in between;</li>
 *   <li>{@code confidence} is the mean over the referring sentences of {@code 1 − P(NONE)}: the
 *       share of probability the score's contributions are computed from, so a score built on
 *       sentences the model barely sees as referring (confidence near 0.5) can be told from one
 *       built on clear references (near 1); 0 without mentions.</li>
 * </ol>
 * Sentiment: {@code sentimentScore} is the mean over all sentences of P(POSITIVE) − P(NEGATIVE);
 * the label is POSITIVE or NEGATIVE beyond ±{@value #THRESHOLD}, NEUTRAL in between.
 */
public final class ArticleAggregator {

    /** How far from 0 a score must be to count as a direction. */
    public static final double THRESHOLD = 0.2;

    private final LabelSchema schema;

    /** An aggregator for models with this schema. */
    public ArticleAggregator(LabelSchema schema) {
        this.schema = schema;
    }

    /** Aggregates the scored sentences of one article. */
    public ArticleScore aggregate(String articleId, List<SentenceScore> sentences) {
        List<PartyScore> parties = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            int mentions = 0;
            double sum = 0;
            double referredSum = 0;
            for (SentenceScore s : sentences) {
                Distribution d = s.prediction().stances().get(p);
                if (!d.best().equals(LabelSchema.NONE)) {
                    mentions++;
                    double referred = 1.0 - d.probability(LabelSchema.NONE);
                    referredSum += referred;
                    double signed = referred <= 1e-9 ? 0.0
                            : (d.probability(LabelSchema.FAVOR) - d.probability(LabelSchema.AGAINST)) / referred;
                    sum += Math.max(-1.0, Math.min(1.0, signed));
                }
            }
            double score = mentions == 0 ? 0.0 : sum / mentions;
            String stance = mentions == 0 ? LabelSchema.NONE : direction(score, LabelSchema.FAVOR, LabelSchema.AGAINST,
                    LabelSchema.NEUTRAL);
            double confidence = mentions == 0 ? 0.0 : Math.max(0.0, Math.min(1.0, referredSum / mentions));
            parties.add(new PartyScore(schema.parties().get(p), stance, score, mentions, confidence));
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
