package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;

class DatasetTest {

    private static Set<String> trainDocs(Dataset d) {
        return d.split(Split.TRAIN).stream().map(LabelledSentence::docId).collect(Collectors.toSet());
    }

    @Test
    void trainFractionKeepsWholeDocumentsAndLeavesTestAlone() throws Exception {
        Dataset all = CrossValidationTest.nineDocuments();
        Dataset third = all.withTrainFraction(1.0 / 3, 7);
        assertEquals(3, trainDocs(third).size());
        // Whole documents: every kept document keeps its four sentences.
        assertEquals(12, third.split(Split.TRAIN).size());
        assertEquals(all.split(Split.TEST), third.split(Split.TEST));
        assertEquals(all.sentences().size(), all.withTrainFraction(1, 7).sentences().size());
    }

    @Test
    void sameSeedSameDocumentsAndSmallerFractionsAreSubsets() throws Exception {
        Dataset all = CrossValidationTest.nineDocuments();
        assertEquals(trainDocs(all.withTrainFraction(0.5, 3)), trainDocs(all.withTrainFraction(0.5, 3)));
        assertTrue(trainDocs(all.withTrainFraction(0.6, 3)).containsAll(trainDocs(all.withTrainFraction(0.3, 3))));
    }

    @Test
    void fractionOutsideTheUnitIntervalIsRefused() throws Exception {
        Dataset all = CrossValidationTest.nineDocuments();
        assertThrows(IllegalArgumentException.class, () -> all.withTrainFraction(0, 1));
        assertThrows(IllegalArgumentException.class, () -> all.withTrainFraction(1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> all.withTrainFraction(Double.NaN, 1));
    }
}
