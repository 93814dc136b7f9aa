package org.stancekit.training.baseline;

import java.util.List;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;

/**
 * Predicts the most frequent training label of every head for every sentence; ties go to the
 * label that comes first alphabetically. The floor any learned model must clear: with stance
 * labels dominated by {@code NONE}, its accuracy is high and its macro-F1 low.
 */
public final class MajorityBaseline implements Baseline {

    /** The name in reports. */
    public static final String NAME = "majority";

    private Labels majority;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void fit(List<LabelledSentence> train) {
        int heads = Heads.count(train);
        String[] perHead = new String[heads];
        for (int h = 0; h < heads; h++) {
            perHead[h] = Heads.majority(Heads.column(train, h));
        }
        majority = Heads.assemble(perHead);
    }

    @Override
    public List<Labels> predict(List<String> sentences) {
        if (majority == null) {
            throw new IllegalStateException(NAME + ": predict before fit");
        }
        return sentences.stream().map(s -> majority).toList();
    }
}
