package org.stancekit.inference.aggregate;

/**
 * The article-level view of one party.
 *
 * @param party the party
 * @param stance FAVOR, AGAINST, NEUTRAL or NONE (see {@link ArticleAggregator})
 * @param score signed strength in [-1, 1] over the sentences that refer to the party
 * @param mentions sentences that refer to the party
 * @param confidence how firmly those sentences refer to the party: the mean over them of
 *                   {@code 1 − P(NONE)}, the probability mass the score is computed from, in [0, 1];
 *                   0 without mentions. A stance backed by sentences with confidence near 0.5 rests on
 *                   references the model itself is unsure of.
 */
public record PartyScore(String party, String stance, double score, int mentions, double confidence) {
}
