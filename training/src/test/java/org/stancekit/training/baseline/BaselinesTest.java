package org.stancekit.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.training.Dataset;
import org.stancekit.training.LabelledCsvReader;

/** The standard baselines on a slice of the committed dataset: they run and give valid labels. */
class BaselinesTest {

    private static final Path DATASET = Path.of("..", "datasets", "labelled", "sentences.csv");
    private static final long SEED = 11;

    private static Dataset slice;

    @BeforeAll
    static void readSlice() throws Exception {
        Dataset all = new LabelledCsvReader(LabelSchema.DEFAULT).read(DATASET);
        List<LabelledSentence> rows = new ArrayList<>(all.split(Split.TRAIN).subList(0, 600));
        rows.addAll(all.split(Split.TEST).subList(0, 200));
        slice = new Dataset(all.origin(), all.schema(), rows);
    }

    @Test
    void theStandardBaselinesRunOnRealSentencesAndGiveValidLabels() {
        LabelSchema schema = slice.schema();
        List<String> test = slice.split(Split.TEST).stream().map(LabelledSentence::text).toList();

        List<Baseline> baselines = Baselines.standard(SEED);
        Map<String, Evaluation> evaluations = Baselines.evaluateAll(baselines, slice, Split.TEST, SEED);

        assertEquals(List.of("majority", "weka_nb", "weka_svm"), List.copyOf(evaluations.keySet()));
        evaluations.forEach((name, e) -> {
            assertEquals(200, e.size(), name);
            double stance = e.meanStanceMacroF1();
            assertTrue(stance >= 0 && stance <= 1, name + " stance macro-F1 " + stance);
        });
        for (String name : List.of("weka_nb", "weka_svm")) {
            double stance = evaluations.get(name).meanStanceMacroF1();
            assertTrue(stance > 0 && stance < 1, name + " stance macro-F1 " + stance);
            double sentiment = evaluations.get(name).sentiment().macroF1();
            assertTrue(sentiment > 0 && sentiment < 1, name + " sentiment macro-F1 " + sentiment);
        }

        for (Baseline baseline : baselines) { // fitted on the train slice by evaluateAll
            List<Labels> predicted = baseline.predict(test);
            assertEquals(test.size(), predicted.size());
            for (Labels labels : predicted) {
                assertEquals(schema.parties().size(), labels.stances().size());
                labels.stances().forEach(s -> assertTrue(schema.stances().contains(s), baseline.name() + ": " + s));
                assertTrue(schema.sentiments().contains(labels.sentiment()), baseline.name() + ": " + labels.sentiment());
            }
        }
    }

    @Test
    void rejectsTwoBaselinesWithOneNameAndAnEmptySplit() {
        List<Baseline> twice = List.of(new MajorityBaseline(), new MajorityBaseline());
        assertThrows(IllegalArgumentException.class, () -> Baselines.evaluateAll(twice, slice, Split.TEST, SEED));
        assertThrows(IllegalArgumentException.class,
                () -> Baselines.evaluate(new MajorityBaseline(), slice, Split.DEV));
        Dataset noTrain = new Dataset("inline", slice.schema(), slice.split(Split.TEST));
        assertThrows(IllegalArgumentException.class,
                () -> Baselines.evaluate(new MajorityBaseline(), noTrain, Split.TEST));
    }
}
