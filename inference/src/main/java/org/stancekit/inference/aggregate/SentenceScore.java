package org.stancekit.inference.aggregate;

import org.stancekit.domain.Prediction;

/**
 * The prediction for one sentence of an article.
 *
 * @param index position of the sentence in the article, from 0
 * @param text the sentence as split from the article
 * @param prediction per-party stance and sentiment distributions
 */
public record SentenceScore(int index, String text, Prediction prediction) {
}
