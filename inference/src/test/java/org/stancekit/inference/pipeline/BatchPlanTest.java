package org.stancekit.inference.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void everySentenceOnceShortestFirstWithinBothLimits() {
        Random random = new Random(3);
        int[][] features = new int[1000][];
        for (int i = 0; i < features.length; i++) {
            features[i] = new int[1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 40)];
        }
        int[][] plan = BatchPlan.plan(features, 64, 1500);
        boolean[] seen = new boolean[features.length];
        int previousLength = 0;
        for (int[] batch : plan) {
            int width = 0;
            for (int i : batch) {
                assertTrue(!seen[i], "sentence " + i + " planned twice");
                seen[i] = true;
                assertTrue(features[i].length >= previousLength, "shortest first");
                previousLength = features[i].length;
                width = Math.max(width, features[i].length);
            }
            assertTrue(batch.length <= 64);
            assertTrue(batch.length == 1 || batch.length * width <= 1500, "cells " + batch.length * width);
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertArrayEquals(plan[0], BatchPlan.plan(features, 64, 1500)[0], "a function of the input alone");
    }

    @Test
    void aSentenceWiderThanTheCellBudgetGetsABatchOfItsOwn() {
        int[][] plan = BatchPlan.plan(new int[][] {new int[10], new int[500], new int[10]}, 8, 100);
        assertEquals(2, plan.length);
        assertArrayEquals(new int[] {0, 2}, plan[0]);
        assertArrayEquals(new int[] {1}, plan[1]);
    }
}
