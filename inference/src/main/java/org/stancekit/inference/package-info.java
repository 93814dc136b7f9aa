/**
 * Scoring articles with a model bundle, one package per stage of the data flow:
 * {@link org.stancekit.inference.read} (files, folders, CSV, JSONL and standard input into
 * articles or listed failures), {@link org.stancekit.inference.aggregate} (sentence scores and
 * their roll-up per article), {@link org.stancekit.inference.pipeline} (split, encode, batch and
 * run the forward passes, streaming), {@link org.stancekit.inference.Scorer} here (the facade
 * that scores one article or a stream of them), {@link org.stancekit.inference.write} (CSV,
 * JSONL, the article page, the terminal table) and {@link org.stancekit.inference.batch} (a whole
 * run: resume, progress, output lock); {@code cli} and {@code bench} are the commands. A package
 * uses only those before it in this list (ArchitectureTest in the training module checks it).
 */
package org.stancekit.inference;
