/**
 * The last stage: scored articles as files ({@code sentences.csv}, {@code articles.csv},
 * {@code errors.csv}, their JSONL forms, the {@code articles.html} page) written under temporary
 * names and renamed when complete, and one text's scores as a terminal table or a JSON document.
 * {@link org.stancekit.inference.write.OutputColumns} defines the columns every format shares.
 */
package org.stancekit.inference.write;
