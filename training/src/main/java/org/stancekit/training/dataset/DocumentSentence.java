package org.stancekit.training.dataset;

/**
 * One sentence of a corpus document, with what an annotator needs around it.
 *
 * @param docId the document's corpus id
 * @param position index of the sentence among all sentences of the document, from 0
 * @param text the sentence, without a leading speaker tag
 * @param speaker who speaks it in a transcript ({@code "Vladimir Putin"}, {@code "MS. PSAKI"},
 *        {@code "Q (reporter)"}), or empty when the document does not say
 */
public record DocumentSentence(String docId, int position, String text, String speaker) {
}
