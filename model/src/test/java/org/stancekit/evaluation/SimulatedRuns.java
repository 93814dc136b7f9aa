package org.stancekit.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

/**
 * Simulated evaluation runs for the bootstrap and gate tests. Public, and shipped in the model's
 * test jar, because the report tests of the training module use the same runs.
 */
public final class SimulatedRuns {

    private SimulatedRuns() {
    }

    /**
     * {@code n} sentences in which the prediction agrees with gold with probability
     * {@code accuracy} per label: element 0 is gold, element 1 the predictions.
     */
    public static List<List<Labels>> random(LabelSchema schema, int n, double accuracy, long seed) {
        Random random = new Random(seed);
        List<Labels> gold = new ArrayList<>();
        List<Labels> predicted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> g = new ArrayList<>();
            List<String> p = new ArrayList<>();
            for (int party = 0; party < schema.parties().size(); party++) {
                String label = schema.stances().get(random.nextInt(schema.stances().size()));
                g.add(label);
                p.add(random.nextDouble() < accuracy ? label
                        : schema.stances().get(random.nextInt(schema.stances().size())));
            }
            String s = schema.sentiments().get(random.nextInt(schema.sentiments().size()));
            gold.add(new Labels(g, s));
            predicted.add(new Labels(p, random.nextDouble() < accuracy ? s
                    : schema.sentiments().get(random.nextInt(schema.sentiments().size()))));
        }
        return List.of(gold, predicted);
    }
}
