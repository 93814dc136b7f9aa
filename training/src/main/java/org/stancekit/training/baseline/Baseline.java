package org.stancekit.training.baseline;

import java.util.List;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;

/**
 * A reference classifier for all five heads: one stance per party, in the order of the labels'
 * stances, plus sentiment. A baseline is stateful: {@link #fit} replaces whatever it learned
 * before, and {@link #predict} uses the last fit. Instances are not thread-safe.
 */
public interface Baseline {

    /** Short, stable name used in reports (for example {@code weka_nb}). */
    String name();

    /**
     * Learns from training sentences; the same sentences (and, where the baseline draws random
     * numbers, the same seed) give the same model.
     *
     * @throws IllegalArgumentException when {@code train} is empty or its rows disagree on the
     *                                  number of parties
     */
    void fit(List<LabelledSentence> train);

    /**
     * Predicts every head of every sentence, in input order. Each predicted label is one seen for
     * that head in the training sentences.
     *
     * @throws IllegalStateException before the first {@link #fit}
     */
    List<Labels> predict(List<String> sentences);
}
