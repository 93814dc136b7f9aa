package org.stancekit.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

class BootstrapTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;
    private static final List<List<Labels>> DATA = SimulatedRuns.random(SCHEMA, 120, 0.7, 7);

    private static Map<String, Interval> intervals(long seed) {
        return new Bootstrap(300, seed).macroF1Intervals(SCHEMA, DATA.get(0), DATA.get(1));
    }

    @Test
    void intervalsCoverEveryMacroF1AndContainThePointEstimate() {
        Map<String, Double> point = new Evaluator().evaluate(SCHEMA, DATA.get(0), DATA.get(1)).metrics();
        Map<String, Interval> intervals = intervals(42);
        assertEquals(point.keySet().stream().filter(k -> k.endsWith("macro_f1")).collect(Collectors.toSet()),
                intervals.keySet());
        intervals.forEach((key, ci) -> {
            double estimate = point.get(key);
            assertTrue(ci.low() <= estimate && estimate <= ci.high(), key + ": " + estimate + " outside " + ci);
            assertTrue(ci.high() - ci.low() > 0, key + " has a width");
            assertTrue(ci.high() - ci.low() < 0.5, key + " is not absurdly wide: " + ci);
        });
    }

    @Test
    void sameSeedSameIntervals() {
        assertEquals(intervals(42), intervals(42));
        assertNotEquals(intervals(42), intervals(43));
    }

    @Test
    void tooFewIterationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(5, 1));
    }
}
