package org.stancekit.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.model.StanceModel;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;

/** Compares a model's predictions with gold labels. */
public final class Evaluator {

    /** Predicts every sentence with {@code bundle} and evaluates against its gold labels. */
    public Evaluation evaluate(StanceModel<?, ?> bundle, List<LabelledSentence> data) {
        List<Prediction> predictions = bundle.predict(data.stream().map(LabelledSentence::text).toList());
        return evaluate(bundle.schema(), data.stream().map(LabelledSentence::labels).toList(),
                predictions.stream().map(Prediction::labels).toList());
    }

    /** Evaluates predicted labels against gold labels, position by position. */
    public Evaluation evaluate(LabelSchema schema, List<Labels> gold, List<Labels> predicted) {
        List<ConfusionMatrix> stances = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            int party = p;
            stances.add(ConfusionMatrix.of(schema.stances(),
                    gold.stream().map(l -> l.stances().get(party)).toList(),
                    predicted.stream().map(l -> l.stances().get(party)).toList()));
        }
        ConfusionMatrix sentiment = ConfusionMatrix.of(schema.sentiments(),
                gold.stream().map(Labels::sentiment).toList(), predicted.stream().map(Labels::sentiment).toList());
        return new Evaluation(schema, stances, sentiment);
    }
}
