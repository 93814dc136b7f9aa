package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.text.PartyLexicon;

class CrossValidationTest {

    /** Nine documents of four sentences each in train, one document in test. */
    static Dataset nineDocuments() throws Exception {
        StringBuilder csv = new StringBuilder(LabelledCsvReaderTest.HEADER);
        String[] rows = {"Russian missiles struck Kyiv %d.,NONE,FAVOR,AGAINST,NONE,NEGATIVE",
            "Europe sent aid to Ukraine %d.,NONE,FAVOR,NONE,FAVOR,POSITIVE",
            "Trump met Zelenskyy %d.,NEUTRAL,NEUTRAL,NONE,NONE,NEUTRAL",
            "The weather was mild %d.,NONE,NONE,NONE,NONE,NEUTRAL"};
        for (int doc = 0; doc < 9; doc++) {
            for (int s = 0; s < rows.length; s++) {
                csv.append(String.format(java.util.Locale.ROOT, "r%d-%d,news,doc%d,%d,", doc, s, doc, s))
                        .append(String.format(java.util.Locale.ROOT, rows[s], doc)).append(",train\n");
            }
        }
        csv.append("t0,news,held,0,Never used in folds.,NONE,NONE,NONE,NONE,NEUTRAL,test\n");
        return new LabelledCsvReader(LabelSchema.DEFAULT).read(new StringReader(csv.toString()), "cv.csv");
    }

    @Test
    void documentsAreDealtWholeToBalancedFolds() throws Exception {
        List<LabelledSentence> pool = nineDocuments().sentences().stream().filter(s -> s.split() != Split.TEST).toList();
        Map<String, Integer> folds = CrossValidation.folds(pool, 3, 5);
        assertEquals(9, folds.size());
        for (int f = 0; f < 3; f++) {
            int fold = f;
            assertEquals(3, folds.values().stream().filter(v -> v == fold).count(), "equal-sized documents, equal folds");
        }
        assertEquals(folds, CrossValidation.folds(pool, 3, 5), "same seed, same folds");
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.folds(pool.subList(0, 8), 3, 5));
    }

    @Test
    void everyTrainAndDevSentenceIsTestedOnceAndTheTestSplitNever() throws Exception {
        TrainingConfig quick = TrainingConfig.fromMap(withEpochs(2));
        Trainer trainer = new Trainer(quick, 3, PartyLexicon.loadDefault(), report -> { });
        CrossValidation.Result result = new CrossValidation(trainer, 3).run(nineDocuments(), List.of(), 3, Map.of());
        assertEquals(3, result.folds().size());
        assertEquals(36, result.folds().stream().mapToInt(e -> e.size()).sum());
        assertTrue(result.mean().get("stance.macro_f1") >= 0 && result.mean().get("stance.macro_f1") <= 1);
        assertTrue(result.std().get("stance.macro_f1") >= 0);
        assertThrows(IllegalArgumentException.class, () -> new CrossValidation(trainer, 3).run(nineDocuments(), List.of(), 2, Map.of()));
    }

    private static Map<String, String> withEpochs(int epochs) {
        Map<String, String> m = new java.util.LinkedHashMap<>(TrainingConfig.DEFAULT.toMap());
        m.put("epochs", Integer.toString(epochs));
        m.put("features.minCount", "1");
        return m;
    }
}
