package org.stancekit.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stancekit.training.baseline.TinyData.row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;

class MajorityBaselineTest {

    @Test
    void predictsTheMostFrequentTrainingLabelOfEveryHead() {
        List<LabelledSentence> train = List.of(
                row("1", "Russia shelled Kharkiv.", "AGAINST", "NEGATIVE"),
                row("2", "Russia shelled Sumy.", "AGAINST", "NEGATIVE"),
                row("3", "Thanks, Russia.", "FAVOR", "POSITIVE"),
                row("4", "Mild weather.", "NONE", "POSITIVE"),
                row("5", "Russia attacked Odesa.", "AGAINST", "NEUTRAL"));
        MajorityBaseline majority = new MajorityBaseline();
        majority.fit(train);

        List<Labels> predicted = majority.predict(List.of("anything", "at all", "here"));

        Labels expected = new Labels(List.of("NONE", "NONE", "AGAINST", "NONE"), "NEGATIVE");
        assertEquals(List.of(expected, expected, expected), predicted);
        assertEquals("majority", majority.name());
    }

    @Test
    void breaksTiesAlphabeticallyWhateverTheRowOrder() {
        List<LabelledSentence> train = new ArrayList<>(List.of(
                row("1", "a", "FAVOR", "POSITIVE"),
                row("2", "b", "AGAINST", "NEGATIVE"),
                row("3", "c", "FAVOR", "POSITIVE"),
                row("4", "d", "AGAINST", "NEGATIVE")));
        Labels expected = new Labels(List.of("NONE", "NONE", "AGAINST", "NONE"), "NEGATIVE");
        for (int i = 0; i < 4; i++) {
            Collections.rotate(train, 1);
            MajorityBaseline majority = new MajorityBaseline();
            majority.fit(train);
            assertEquals(List.of(expected), majority.predict(List.of("x")));
        }
    }

    @Test
    void refusesToPredictBeforeFittingAndToFitNothing() {
        MajorityBaseline majority = new MajorityBaseline();
        assertThrows(IllegalStateException.class, () -> majority.predict(List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> majority.fit(List.of()));
    }
}
