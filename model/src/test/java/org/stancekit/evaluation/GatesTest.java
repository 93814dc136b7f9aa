package org.stancekit.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatesTest {

    private static final Map<String, Double> METRICS = Map.of(
            "stance.macro_f1", 0.62, "sentiment.macro_f1", 0.71, "stance.parties.us.macro_f1", 0.55,
            "stance.accuracy", 0.9);

    @Test
    void failUnderPassesAndFailsPerMetric() {
        List<Gate> gates = Gates.failUnder(METRICS, Gates.parseFailUnder("stance.macro_f1=0.7, sentiment.macro_f1=0.7"));
        assertEquals(2, gates.size());
        assertFalse(gates.get(0).passed());
        assertEquals("stance.macro_f1 >= 0.7", gates.get(0).name());
        assertTrue(gates.get(0).message().contains("0.62 is below 0.7"), gates.get(0).message());
        assertTrue(gates.get(1).passed());
    }

    @Test
    void aGateOnAnUnknownMetricFailsInsteadOfPassingSilently() {
        Gate g = Gates.failUnder(METRICS, Gates.parseFailUnder("stance.macro_f2=0.1")).get(0);
        assertFalse(g.passed());
        assertTrue(Double.isNaN(g.actual()));
        assertTrue(g.message().startsWith("no metric 'stance.macro_f2'; known:"), g.message());
    }

    @Test
    void malformedSpecsAreUsageErrors() {
        assertThrows(IllegalArgumentException.class, () -> Gates.parseFailUnder("stance.macro_f1"));
        assertThrows(IllegalArgumentException.class, () -> Gates.parseFailUnder("stance.macro_f1=high"));
        assertThrows(IllegalArgumentException.class, () -> Gates.parseFailUnder(" , "));
    }

    @Test
    void compareToAllowsAtMostTheMaxDropOnEveryMacroF1(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "{\"stance\": {\"macro_f1\": 0.65, \"parties\": {\"us\": "
                + "{\"macro_f1\": 0.50}}}, \"sentiment\": {\"macro_f1\": 0.70}}");
        List<Gate> gates = Gates.compareTo(METRICS, old, 0.02);
        assertEquals(3, gates.size(), gates.toString());
        Gate stance = gates.stream().filter(g -> g.metric().equals("stance.macro_f1")).findFirst().orElseThrow();
        assertFalse(stance.passed(), "0.62 < 0.65 - 0.02");
        assertEquals(0.63, stance.limit(), 1e-12);
        assertTrue(gates.stream().filter(g -> !g.metric().equals("stance.macro_f1")).allMatch(Gate::passed));
    }
}
