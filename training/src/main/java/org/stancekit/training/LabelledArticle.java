package org.stancekit.training;

import java.util.List;
import org.stancekit.domain.Split;

/**
 * A whole document labelled with its overall stance toward each party (guidelines section 8), a
 * row of {@code labelled/articles.csv}.
 *
 * @param docId the document's id, as in the sentences file ({@code doc_id})
 * @param source the corpus it came from
 * @param text the whole text, as {@code stancekit score} reads an article
 * @param stances one stance label per party, in schema order
 * @param split the split of its sentences
 * @param annotation how the labels were made: single, double-agreed or double-adjudicated
 */
public record LabelledArticle(String docId, String source, String text, List<String> stances, Split split,
                              String annotation) {

    public LabelledArticle {
        stances = List.copyOf(stances);
    }
}
