package org.stancekit.training;

/**
 * A training sentence labelled for one head only (auxiliary supervision): the other heads are
 * unknown for it and are masked out of the loss.
 *
 * @param text the sentence
 * @param party the party whose stance is labelled, or {@code null} for a sentiment label
 * @param label the label
 */
public record AuxiliaryExample(String text, String party, String label) {
}
