/**
 * Scoring articles in batch: reading inputs, splitting and predicting sentences with a model
 * bundle, rolling sentences up into an article-level view, and writing the results.
 */
package org.stancekit.inference;
