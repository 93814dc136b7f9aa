package org.stancekit.domain;

import java.util.List;
import java.util.Objects;

/**
 * The five labels of one sentence: a stance per party (in schema order) and a sentiment.
 *
 * @param stances stance label per party, in the order of {@link LabelSchema#parties()}
 * @param sentiment the sentence's sentiment label
 */
public record Labels(List<String> stances, String sentiment) {
    public Labels {
        stances = List.copyOf(Objects.requireNonNull(stances, "stances"));
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
