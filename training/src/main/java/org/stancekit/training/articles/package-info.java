/**
 * Article-level evaluation: labelled whole documents ({@code labelled/articles.csv}) scored as
 * {@code stancekit score} scores them ({@link org.stancekit.training.articles.ScoredArticles}),
 * their roll-up compared with the article labels, and the candidate roll-up rules compared on the
 * same articles ({@link org.stancekit.training.articles.RollUpComparison}).
 */
package org.stancekit.training.articles;
