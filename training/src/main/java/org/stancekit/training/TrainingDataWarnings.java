package org.stancekit.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;

/**
 * What a user training on their own labels should know before waiting for a model: a train split
 * that trains but cannot train well. Unlike {@link TrainingDataCheck}'s refusals these are
 * warnings: a small first set is a sound way to start, as long as its figures are read as such.
 */
public final class TrainingDataWarnings {

    /** Train rows of a class below which a head rarely learns to predict that class. */
    public static final int FEW_PER_CLASS = 20;

    /** Train rows below which every figure is unstable from one run or split to the next. */
    public static final int FEW_ROWS = 200;

    private TrainingDataWarnings() {
    }

    /** The warnings for the train split of {@code data}, one line each; empty when there is none. */
    public static List<String> of(Dataset data) {
        List<LabelledSentence> train = data.split(Split.TRAIN);
        List<String> warnings = new ArrayList<>();
        if (train.isEmpty()) {
            return warnings; // a refusal, not a warning (TrainingDataCheck)
        }
        if (train.size() < FEW_ROWS) {
            warnings.add(String.format(Locale.ROOT, "the train split has only %d rows (fewer than %d): expect low, "
                    + "unstable figures that change with the seed, and wide confidence intervals; a few thousand "
                    + "labelled sentences make a usable model", train.size(), FEW_ROWS));
        }
        LabelSchema schema = data.schema();
        for (int p = 0; p < schema.parties().size(); p++) {
            int index = p;
            few(train, LabelSchema.column(schema.parties().get(p)), schema.stances(),
                    r -> r.labels().stances().get(index)).ifPresent(warnings::add);
        }
        few(train, "sentiment", schema.sentiments(), r -> r.labels().sentiment()).ifPresent(warnings::add);
        return warnings;
    }

    private static java.util.Optional<String> few(List<LabelledSentence> train, String head, List<String> classes,
                                                  Function<LabelledSentence, String> label) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, 0));
        train.forEach(r -> counts.merge(label.apply(r), 1, Integer::sum));
        if (counts.values().stream().allMatch(n -> n >= FEW_PER_CLASS)) {
            return java.util.Optional.empty();
        }
        StringBuilder listed = new StringBuilder();
        counts.forEach((c, n) -> listed.append(listed.isEmpty() ? "" : ", ").append(c).append(' ').append(n));
        return java.util.Optional.of(String.format(Locale.ROOT, "the %s head has few train rows of some class (%s); "
                + "a class with fewer than %d is rarely learnt: expect a low F1 for it and a low macro-F1 for the head",
                head, listed, FEW_PER_CLASS));
    }
}
