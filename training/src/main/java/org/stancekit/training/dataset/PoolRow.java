package org.stancekit.training.dataset;

import org.stancekit.domain.Split;

/**
 * A sentence chosen for annotation, with its provenance, its split and its context.
 *
 * @param id the row id it will have in {@code sentences.csv}
 * @param source the {@code source} value
 * @param docId the corpus document id
 * @param position the sentence's index in its document
 * @param text the sentence
 * @param split the split of its document
 * @param date the document's date
 * @param title the document's title
 * @param speaker who speaks the sentence, or empty
 * @param before the sentence before it in the document, or empty
 * @param after the sentence after it, or empty
 */
public record PoolRow(String id, String source, String docId, int position, String text, Split split, String date,
                      String title, String speaker, String before, String after) {
}
