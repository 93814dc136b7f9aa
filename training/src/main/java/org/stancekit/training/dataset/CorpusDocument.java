package org.stancekit.training.dataset;

import java.util.Objects;

/**
 * One document of the licensed corpus, as its JSONL file gives it.
 *
 * @param id the corpus's own document id, kept as {@code doc_id} so every row can be traced back
 * @param date publication date as the corpus gives it (a day or a month)
 * @param title the document's title, shown to annotators as context
 * @param text plain paragraphs, one a line
 */
public record CorpusDocument(String id, String date, String title, String text) {
    public CorpusDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        date = date == null ? "" : date;
        title = title == null ? "" : title;
    }
}
