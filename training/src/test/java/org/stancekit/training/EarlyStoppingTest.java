package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void theLastReachableEpochIsPatienceAfterTheBestCappedByTheMaximum() {
        assertEquals(6, EarlyStopping.lastEpoch(30, 5, 0, 1), "the first epoch will be the best");
        assertEquals(9, EarlyStopping.lastEpoch(30, 5, 4, 4));
        assertEquals(11, EarlyStopping.lastEpoch(30, 5, 4, 6), "the epoch under way may still become the best");
        assertEquals(30, EarlyStopping.lastEpoch(30, 5, 28, 28), "never beyond the maximum");
    }
}
