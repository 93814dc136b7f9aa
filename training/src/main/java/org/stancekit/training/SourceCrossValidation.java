package org.stancekit.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.model.StanceModel;

/**
 * Leave-one-source-out evaluation: for each {@code source}, a model trained on every other source
 * (their train splits, selected on their dev splits) is evaluated on all sentences of the one left
 * out. How far the figures fall below those of a model that has seen the source is how much the
 * model depends on its sources' style, the gap users meet on text from a new outlet.
 */
public final class SourceCrossValidation {

    /** Trains a model on a dataset (the train and dev splits are used; test is not). */
    @FunctionalInterface
    public interface ModelTrainer {
        /** A model trained on {@code data}. */
        StanceModel<?, ?> train(Dataset data) throws IOException;
    }

    /**
     * One held-out source.
     *
     * @param source the source left out of training
     * @param sentences its sentences, all evaluated
     * @param evaluation the model's figures on them
     */
    public record Fold(String source, int sentences, Evaluation evaluation) {
    }

    private SourceCrossValidation() {
    }

    /** Runs one fold per source, in source order; {@code log} hears of each fold as it starts. */
    public static List<Fold> run(Dataset data, ModelTrainer trainer, java.util.function.Consumer<String> log)
            throws IOException {
        List<Fold> folds = new ArrayList<>();
        for (String source : new TreeSet<>(data.sentences().stream().map(LabelledSentence::source).toList())) {
            List<LabelledSentence> held = data.sentences().stream().filter(s -> s.source().equals(source)).toList();
            List<LabelledSentence> rest = data.sentences().stream().filter(s -> !s.source().equals(source)).toList();
            log.accept("Leaving out " + source + " (" + held.size() + " sentences), training on " + rest.size());
            try (StanceModel<?, ?> model = trainer.train(new Dataset(data.origin() + " without " + source, data.schema(), rest))) {
                folds.add(new Fold(source, held.size(), new Evaluator().evaluate(model, held)));
            }
        }
        return folds;
    }
}
