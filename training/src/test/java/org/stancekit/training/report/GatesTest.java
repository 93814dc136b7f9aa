package org.stancekit.training.report;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancekit.evaluation.Interval;

class GatesTest {

    private static final Map<String, Double> METRICS = Map.of(
            "stance.macro_f1", 0.62, "sentiment.macro_f1", 0.71, "stance.parties.us.macro_f1", 0.55,
            "stance.accuracy", 0.9);

    @Test
    void failUnderPassesAndFailsPerMetric() {
        List<Gate> gates = Gates.failUnder(METRICS, Gates.parseFailUnder("stance.macro_f1=0.7, sentiment.macro_f1=0.7"));
        assertEquals(2, gates.size());
        assertFalse(gates.get(0).passed());
        assertEquals("stance.macro_f1 >= floor", gates.get(0).name(), "no value in the name: CI keys history by it");
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
    void aMetricGivenTwiceIsRefusedNotDecidedByTheLastFloor() {
        // "stance.macro_f1=0.9,stance.macro_f1=0.1" once gated at 0.1: the strict floor vanished.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gates.parseFailUnder("stance.macro_f1=0.9,sentiment.macro_f1=0.7, stance.macro_f1 =0.1"));
        assertEquals("--fail-under: stance.macro_f1 is given twice (0.9 and 0.1); give each metric one floor", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "1.5", "NaN", "Infinity", "-Infinity"})
    void aFloorOutsideZeroToOneIsRefused(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gates.parseFailUnder("sentiment.macro_f1=0.5,stance.macro_f1=" + value));
        assertEquals("--fail-under: the floor of stance.macro_f1 must be a number from 0 to 1, got '" + value + "'",
                e.getMessage());
    }

    @Test
    void floorsAtTheEndsOfTheRangeAreKept() {
        assertEquals(Map.of("stance.macro_f1", 0.0, "sentiment.macro_f1", 1.0),
                Gates.parseFailUnder("stance.macro_f1=0,sentiment.macro_f1=1.0"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void aMaxDropOutsideZeroToOneIsRefused(double drop, @TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "{\"stance\": {\"macro_f1\": 0.65}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gates.compareTo(METRICS, old, drop));
        assertEquals("--max-drop must be a number from 0 to 1, got " + drop, e.getMessage());
        assertEquals(0.0, Gates.checkMaxDrop(0.0));
        assertEquals(1.0, Gates.checkMaxDrop(1.0));
    }

    @Test
    void aMetricTheEarlierFileLacksFailsItsComparisonByName(@TempDir Path dir) throws IOException {
        // No sentiment in the earlier run: its comparison once vanished without a word.
        Path old = Files.writeString(dir.resolve("old.json"), "{\"stance\": {\"macro_f1\": 0.60, \"parties\": {\"us\": "
                + "{\"macro_f1\": 0.50}}}}");
        List<Gate> gates = Gates.compareTo(METRICS, old, 0.0);
        assertEquals(3, gates.size(), gates.toString());
        Gate sentiment = gates.stream().filter(g -> g.metric().equals("sentiment.macro_f1")).findFirst().orElseThrow();
        assertFalse(sentiment.passed());
        assertEquals("sentiment.macro_f1 not below old.json", sentiment.name());
        assertEquals("sentiment.macro_f1 is not in " + old + ", so it cannot be compared", sentiment.message());
        assertEquals(0.71, sentiment.actual(), 1e-12);
        assertTrue(gates.stream().filter(g -> g != sentiment).allMatch(Gate::passed), gates.toString());
    }

    @Test
    void aMetricOnlyTheEarlierFileHasFailsToo(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "{\"stance\": {\"macro_f1\": 0.60, \"parties\": {\"us\": "
                + "{\"macro_f1\": 0.50}, \"europe\": {\"macro_f1\": 0.40}}}, \"sentiment\": {\"macro_f1\": \"high\"},"
                + " \"baselines\": {\"majority\": {\"stance\": {\"macro_f1\": 0.2}}}}");
        List<Gate> gates = Gates.compareTo(METRICS, old, 0.05);
        assertEquals(4, gates.size(), gates.toString());
        Gate europe = gates.get(3);
        assertEquals("stance.parties.europe.macro_f1", europe.metric());
        assertFalse(europe.passed());
        assertEquals("stance.parties.europe.macro_f1 is in " + old + " but not in this evaluation", europe.message());
        Gate sentiment = gates.stream().filter(g -> g.metric().equals("sentiment.macro_f1")).findFirst().orElseThrow();
        assertFalse(sentiment.passed());
        assertEquals("sentiment.macro_f1 in " + old + " is not a number, so it cannot be compared", sentiment.message());
    }

    @Test
    void aFileThatIsNotMetricsJsonIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        for (String content : new String[] {"", "not json", "{\"stance\": ", "[0.5]", "{}", "{\"model\": \"x\"}"}) {
            Path file = Files.writeString(dir.resolve("bad.json"), content);
            IOException e = assertThrows(IOException.class, () -> Gates.compareTo(METRICS, file, 0.0), content);
            assertTrue(e.getMessage().startsWith(file + ": not a metrics.json: "), content + " -> " + e.getMessage());
        }
        IOException missing = assertThrows(IOException.class, () -> Gates.readEarlier(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": cannot read earlier metrics: no such file", missing.getMessage());
    }

    @Test
    void theEarlierRunsSentenceCountIsRead(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "{\"sentences\": 1375, \"stance\": {\"macro_f1\": 0.6}}");
        assertEquals(1375, Gates.readEarlier(old).sentences());
        Path bare = Files.writeString(dir.resolve("bare.json"), "{\"stance\": {\"macro_f1\": 0.6}}");
        assertEquals(-1, Gates.readEarlier(bare).sentences());
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
        assertEquals("stance.macro_f1 not below old.json", stance.name());
        assertEquals("stance.macro_f1 = 0.62 is below 0.63 (0.65 in old.json minus --max-drop 0.02)", stance.message());
        assertTrue(gates.stream().filter(g -> !g.metric().equals("stance.macro_f1")).allMatch(Gate::passed));
    }

    @Test
    void noiseAwareADropFailsOnlyWhenTheEarlierValueIsAboveThisRunsInterval(@TempDir Path dir) throws IOException {
        // stance dropped 0.03 within noise (0.65 <= 0.66); sentiment dropped 0.04 beyond it (0.75 > 0.74);
        // us has no interval and is judged by the plain rule (it rose, so it passes).
        Path old = Files.writeString(dir.resolve("old.json"), "{\"stance\": {\"macro_f1\": 0.65, \"parties\": {\"us\": "
                + "{\"macro_f1\": 0.50}}}, \"sentiment\": {\"macro_f1\": 0.75}}");
        Map<String, Interval> intervals = Map.of("stance.macro_f1", new Interval(0.58, 0.66),
                "sentiment.macro_f1", new Interval(0.68, 0.74));
        List<Gate> gates = Gates.compareTo(METRICS, Gates.readEarlier(old), 0.0, intervals);
        Gate stance = gates.stream().filter(g -> g.metric().equals("stance.macro_f1")).findFirst().orElseThrow();
        assertTrue(stance.passed(), stance.toString());
        assertEquals("stance.macro_f1 not below old.json", stance.name());
        assertTrue(stance.message().endsWith("the earlier 0.65 is within this run's 95% interval 0.58 to 0.66: "
                + "within sampling noise, passed"), stance.message());
        Gate sentiment = gates.stream().filter(g -> g.metric().equals("sentiment.macro_f1")).findFirst().orElseThrow();
        assertFalse(sentiment.passed(), sentiment.toString());
        assertEquals("sentiment.macro_f1 = 0.71 is below 0.75 (0.75 in old.json minus --max-drop 0.0), and the earlier "
                + "0.75 is above this run's 95% interval 0.68 to 0.74: more than sampling noise", sentiment.message());
        assertTrue(gates.stream().filter(g -> g.metric().equals("stance.parties.us.macro_f1")).allMatch(Gate::passed));

        // A drop beyond noise but within --max-drop passes: both conditions must hold to fail.
        assertTrue(Gates.compareTo(METRICS, Gates.readEarlier(old), 0.05, intervals).stream().allMatch(Gate::passed));
        // The same comparison without noise-awareness fails both drops: the default is unchanged.
        assertEquals(2, Gates.compareTo(METRICS, Gates.readEarlier(old), 0.0).stream().filter(g -> !g.passed()).count());
    }
}
