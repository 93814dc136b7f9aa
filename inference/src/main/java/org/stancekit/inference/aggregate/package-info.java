/**
 * Sentence scores ({@link org.stancekit.inference.aggregate.SentenceScore}) and their roll-up into
 * an article's view ({@link org.stancekit.inference.aggregate.ArticleAggregator}: per party the
 * stance, score, mentions and confidence, and the sentiment). The one implementation of the
 * roll-up, used by every scoring path.
 */
package org.stancekit.inference.aggregate;
