package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void theLastReachableEpochIsPatienceAfterTheBestCappedByTheMaximum() {
        assertEquals(6, EarlyStopping.lastEpoch(30, 5, 0, 1), "the first epoch will be the best");
        assertEquals(9, EarlyStopping.lastEpoch(30, 5, 4, 4));
        assertEquals(11, EarlyStopping.lastEpoch(30, 5, 4, 6), "the epoch under way may still become the best");
        assertEquals(30, EarlyStopping.lastEpoch(30, 5, 28, 28), "never beyond the maximum");
    }

    @Test
    void keepsTheBestEpochAndStopsAfterPatienceEpochsWithoutABetterOne() {
        EarlyStopping s = new EarlyStopping(30, 2);
        assertTrue(s.record(1, 0.50));
        assertTrue(s.record(2, 0.60));
        assertFalse(s.record(3, 0.60), "a tie is no improvement");
        assertFalse(s.stopped());
        assertFalse(s.record(4, 0.55));
        assertTrue(s.stopped() && s.stoppedEarly());
        assertEquals(2, s.bestEpoch());
    }

    @Test
    void withoutDevDataTheLastEpochIsKeptAndNothingStopsEarly() {
        EarlyStopping s = new EarlyStopping(3, 1);
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertTrue(s.record(epoch, Double.NaN));
            assertEquals(epoch, s.bestEpoch());
            assertEquals(epoch == 3, s.stopped());
        }
        assertFalse(s.stoppedEarly(), "the maximum was reached");
    }

    @Test
    void aResumedRunContinuesFromItsCheckpoint() {
        EarlyStopping s = EarlyStopping.resumed(10, 2, 3, 2, 0.7);
        assertFalse(s.stopped());
        assertFalse(s.record(4, 0.69));
        assertTrue(s.stopped(), "two epochs after the best, the resumed run stops as the uninterrupted one would");
        assertEquals(2, s.bestEpoch());
    }
}
