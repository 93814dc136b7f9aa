package org.stancekit.domain;

import java.util.List;
import java.util.Objects;

/**
 * The model's output for one sentence.
 *
 * @param stances one stance distribution per party, in schema order
 * @param sentiment the sentiment distribution
 */
public record Prediction(List<Distribution> stances, Distribution sentiment) {
    public Prediction {
        stances = List.copyOf(Objects.requireNonNull(stances, "stances"));
        Objects.requireNonNull(sentiment, "sentiment");
    }

    /** The predicted labels (argmax of every head). */
    public Labels labels() {
        return new Labels(stances.stream().map(Distribution::best).toList(), sentiment.best());
    }
}
