package org.stancekit.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;

class WekaBaselineTest {

    private static final long SEED = 7;

    private static Supplier<Baseline> baseline(String name) {
        return switch (name) {
            case WekaBaseline.NAIVE_BAYES -> WekaBaseline::naiveBayes;
            case WekaBaseline.LINEAR_SVM -> () -> WekaBaseline.linearSvm(SEED);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Evaluation evaluate(Baseline baseline, List<LabelledSentence> train, List<LabelledSentence> test) {
        baseline.fit(train);
        return new Evaluator().evaluate(LabelSchema.DEFAULT, TinyData.gold(test), baseline.predict(TinyData.texts(test)));
    }

    @ParameterizedTest
    @ValueSource(strings = {WekaBaseline.NAIVE_BAYES, WekaBaseline.LINEAR_SVM})
    void separatesAttacksFromThanksInUnseenSentencesAndBeatsMajority(String name) {
        List<LabelledSentence> train = TinyData.separable(TinyData.TRAIN_CITIES);
        List<LabelledSentence> test = TinyData.separable(TinyData.UNSEEN_CITIES);

        Baseline weka = baseline(name).get();
        Evaluation learned = evaluate(weka, train, test);
        Evaluation majority = evaluate(new MajorityBaseline(), train, test);

        assertEquals(name, weka.name());
        int russia = LabelSchema.DEFAULT.parties().indexOf("RUSSIA");
        assertEquals(1.0, learned.stances().get(russia).accuracy(), 1e-12, "russia stance on unseen cities");
        assertEquals(1.0, learned.sentiment().accuracy(), 1e-12, "sentiment on unseen cities");
        assertTrue(learned.meanStanceMacroF1() > majority.meanStanceMacroF1(),
                learned.meanStanceMacroF1() + " vs majority " + majority.meanStanceMacroF1());
        assertTrue(learned.sentiment().macroF1() > majority.sentiment().macroF1());
    }

    @ParameterizedTest
    @ValueSource(strings = {WekaBaseline.NAIVE_BAYES, WekaBaseline.LINEAR_SVM})
    void theSameSeedAndDataGiveTheSamePredictions(String name) {
        List<LabelledSentence> train = TinyData.separable(TinyData.TRAIN_CITIES);
        List<String> sentences = List.of("Russia shelled Uman at dawn.", "Thank you, Russia!", "Lviv thanked Kyiv.",
                "Nothing happened in Lutsk.", "", "Russia attacked and thanked everyone in Rivne.");

        Baseline first = baseline(name).get();
        first.fit(train);
        Baseline second = baseline(name).get();
        second.fit(train);
        List<Labels> predicted = first.predict(sentences);

        assertEquals(predicted, second.predict(sentences));
        assertEquals(predicted, first.predict(sentences), "predicting twice changes nothing");
        first.fit(train);
        assertEquals(predicted, first.predict(sentences), "refitting gives the same model");
    }

    @ParameterizedTest
    @ValueSource(strings = {WekaBaseline.NAIVE_BAYES, WekaBaseline.LINEAR_SVM})
    void aHeadWithOneTrainingLabelPredictsItAndEveryLabelWasSeenInTraining(String name) {
        Baseline weka = baseline(name).get();
        weka.fit(TinyData.separable(TinyData.TRAIN_CITIES));

        for (Labels labels : weka.predict(List.of("Washington and Brussels met.", "Russia shelled Kyiv.", "Hello."))) {
            assertEquals("NONE", labels.stances().get(0), "US is NONE in every training row");
            assertEquals("NONE", labels.stances().get(3), "EUROPE is NONE in every training row");
            assertTrue(List.of("AGAINST", "FAVOR", "NONE").contains(labels.stances().get(2)), labels.toString());
            assertTrue(List.of("NEGATIVE", "POSITIVE", "NEUTRAL").contains(labels.sentiment()), labels.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {WekaBaseline.NAIVE_BAYES, WekaBaseline.LINEAR_SVM})
    void refusesToPredictBeforeFittingAndToFitNothing(String name) {
        Baseline weka = baseline(name).get();
        assertThrows(IllegalStateException.class, () -> weka.predict(List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> weka.fit(List.of()));
    }
}
