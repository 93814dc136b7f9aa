package org.stancekit.inference;

/**
 * The article-level view of one party.
 *
 * @param party the party
 * @param stance FAVOR, AGAINST, NEUTRAL or NONE (see {@link ArticleAggregator})
 * @param score signed strength in [-1, 1] over the sentences that refer to the party
 * @param mentions sentences that refer to the party
 */
public record PartyScore(String party, String stance, double score, int mentions) {
}
