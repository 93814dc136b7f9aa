/**
 * Scoring articles in batch: reading inputs, splitting and predicting sentences with a model
 * bundle, rolling sentences up into an article-level view, and writing the results: files,
 * a page to read ({@code articles.html}), and a terminal table or JSON document for one text.
 */
package org.stancekit.inference;
