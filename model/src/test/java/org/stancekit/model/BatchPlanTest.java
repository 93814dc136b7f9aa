package org.stancekit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void everySentenceOnceShortestFirstWithinBothLimits() {
        Random random = new Random(3);
        int[] lengths = new int[1000];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 40);
        }
        int[][] plan = BatchPlan.plan(lengths, 64, 1500, false);
        boolean[] seen = new boolean[lengths.length];
        int previousLength = 0;
        for (int[] batch : plan) {
            int width = 0;
            for (int i : batch) {
                assertTrue(!seen[i], "sentence " + i + " planned twice");
                seen[i] = true;
                assertTrue(lengths[i] >= previousLength, "shortest first");
                previousLength = lengths[i];
                width = Math.max(width, lengths[i]);
            }
            assertTrue(batch.length <= 64);
            assertTrue(batch.length == 1 || batch.length * width <= 1500, "cells " + batch.length * width);
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertArrayEquals(plan[0], BatchPlan.plan(lengths, 64, 1500, false)[0], "a function of the input alone");
    }

    @Test
    void aSentenceWiderThanTheCellBudgetGetsABatchOfItsOwn() {
        int[][] plan = BatchPlan.plan(new int[] {10, 500, 10}, 8, 100, false);
        assertEquals(2, plan.length);
        assertArrayEquals(new int[] {0, 2}, plan[0]);
        assertArrayEquals(new int[] {1}, plan[1]);
    }

    @Test
    void oneLengthPerBatchNeverMixesLengths() {
        int[][] plan = BatchPlan.plan(new int[] {16, 8, 16, 8, 24, 8}, 8, 1000, true);
        assertEquals(3, plan.length);
        assertArrayEquals(new int[] {1, 3, 5}, plan[0]);
        assertArrayEquals(new int[] {0, 2}, plan[1]);
        assertArrayEquals(new int[] {4}, plan[2]);
    }
}
