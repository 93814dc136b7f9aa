package org.stancekit.domain;

import java.util.List;
import java.util.Objects;

/**
 * A probability distribution over labels, as a softmax head outputs it.
 *
 * @param labels the labels, in output order
 * @param probabilities one probability per label
 */
public record Distribution(List<String> labels, double[] probabilities) {
    public Distribution {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        probabilities = probabilities.clone();
        if (probabilities.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + probabilities.length + " probabilities");
        }
    }

    /** The most probable label; ties go to the earlier label so the result is deterministic. */
    public String best() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return labels.get(best);
    }

    /** Probability of a label, 0 when the label is unknown. */
    public double probability(String label) {
        int i = labels.indexOf(label);
        return i < 0 ? 0.0 : probabilities[i];
    }

    /** Probability of the label at {@code index} of {@link #labels()}. */
    public double probabilityAt(int index) {
        return probabilities[index];
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && labels.equals(d.labels)
                && java.util.Arrays.equals(probabilities, d.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + java.util.Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Distribution" + labels + java.util.Arrays.toString(probabilities);
    }
}
