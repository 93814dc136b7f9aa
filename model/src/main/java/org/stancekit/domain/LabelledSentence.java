package org.stancekit.domain;

import java.util.Objects;

/**
 * One row of a labelled dataset.
 *
 * @param id unique row id
 * @param source where the text comes from (corpus name, or {@code synthetic})
 * @param docId document the sentence belongs to; splits never divide a document
 * @param position index of the sentence within its document
 * @param text the sentence
 * @param labels its gold labels
 * @param split the split it belongs to
 */
public record LabelledSentence(String id, String source, String docId, int position, String text,
                               Labels labels, Split split) {
    public LabelledSentence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(split, "split");
    }
}
