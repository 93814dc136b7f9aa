package org.stancekit.training.baseline;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.training.Dataset;

/** The standard baselines and their evaluation on a dataset's fixed splits. */
public final class Baselines {

    private Baselines() {
    }

    /**
     * {@code [majority, weka_nb, weka_svm]}, fresh and unfitted.
     *
     * @param seed seed of every baseline that draws random numbers
     */
    public static List<Baseline> standard(long seed) {
        return List.of(new MajorityBaseline(), WekaBaseline.naiveBayes(), WekaBaseline.linearSvm(seed));
    }

    /**
     * Fits one baseline on the train split of {@code data} and evaluates it on {@code split}; the
     * baseline stays fitted. Lets a caller time baselines one by one.
     *
     * @throws IllegalArgumentException when the train split or {@code split} is empty
     */
    public static Evaluation evaluate(Baseline baseline, Dataset data, Split split) {
        List<LabelledSentence> train = data.split(Split.TRAIN);
        if (train.isEmpty()) {
            throw new IllegalArgumentException(data.origin() + ": the train split is empty");
        }
        List<LabelledSentence> rows = data.split(split);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(data.origin() + ": no sentences in the " + split.label() + " split");
        }
        baseline.fit(train);
        return new Evaluator().evaluate(data.schema(), rows.stream().map(LabelledSentence::labels).toList(),
                baseline.predict(rows.stream().map(LabelledSentence::text).toList()));
    }

    /**
     * Fits every baseline on the train split of {@code data} and evaluates it on {@code split}.
     *
     * @param seed the run's seed, as given to {@link #standard(long)}; unused here, because each
     *             baseline holds its seed from construction and fitting on the fixed train split
     *             samples nothing
     * @return baseline name to evaluation, in the order of {@code baselines}
     * @throws IllegalArgumentException when two baselines share a name, or a split is empty
     */
    public static Map<String, Evaluation> evaluateAll(List<Baseline> baselines, Dataset data, Split split, long seed) {
        Set<String> names = new HashSet<>();
        for (Baseline baseline : baselines) {
            if (!names.add(baseline.name())) { // checked first: fail before any fitting, not after it
                throw new IllegalArgumentException("two baselines named " + baseline.name());
            }
        }
        Map<String, Evaluation> out = new LinkedHashMap<>();
        for (Baseline baseline : baselines) {
            out.put(baseline.name(), evaluate(baseline, data, split));
        }
        return out;
    }
}
