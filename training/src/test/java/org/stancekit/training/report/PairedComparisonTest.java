package org.stancekit.training.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.evaluation.Bootstrap;
import org.stancekit.evaluation.SimulatedRuns;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.evaluation.Interval;
import org.stancekit.evaluation.PairedDrop;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.runtime.Json;
import org.stancekit.runtime.Sha256;

/** The paired bootstrap of {@code --noise-aware}, {@code predictions.csv} and the data fingerprint. */
class PairedComparisonTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;
    private static final int N = 400;

    /** 400 sentences, the earlier run right on about 80% of the labels. */
    private static final List<List<Labels>> RUN = SimulatedRuns.random(SCHEMA, N, 0.8, 7);
    private static final List<Labels> GOLD = RUN.get(0);
    private static final List<Labels> OLD = RUN.get(1);

    /**
     * The earlier predictions with every label of the first {@code k} sentences made wrong: a
     * real, if small, drop that touches nothing else.
     */
    private static List<Labels> worse(int k) {
        List<Labels> out = new ArrayList<>(OLD);
        for (int i = 0; i < k; i++) {
            Labels g = GOLD.get(i);
            out.set(i, new Labels(g.stances().stream().map(s -> other(SCHEMA.stances(), s)).toList(),
                    other(SCHEMA.sentiments(), g.sentiment())));
        }
        return out;
    }

    private static String other(List<String> labels, String label) {
        return labels.get((labels.indexOf(label) + 1) % labels.size());
    }

    private static Gates.Earlier earlier(Map<String, Double> before) {
        return new Gates.Earlier(Path.of("old", "metrics.json"), before, N);
    }

    @Test
    void thePairedRuleCatchesASmallRealDropThatTheUnpairedRuleCallsNoise() {
        List<Labels> now = worse(6);
        Bootstrap bootstrap = new Bootstrap(1000, 42);
        Map<String, Double> before = new Evaluator().evaluate(SCHEMA, GOLD, OLD).metrics();
        Map<String, Double> after = new Evaluator().evaluate(SCHEMA, GOLD, now).metrics();
        Map<String, Interval> intervals = bootstrap.macroF1Intervals(SCHEMA, GOLD, now);
        Map<String, PairedDrop> paired = bootstrap.pairedDrops(SCHEMA, GOLD, OLD, now, 0.95);

        // The drop is smaller than what resampling 400 sentences moves one run's macro-F1 by ...
        double drop = before.get("stance.macro_f1") - after.get("stance.macro_f1");
        assertTrue(drop > 0.005, "drop " + drop);
        assertTrue(before.get("stance.macro_f1") <= intervals.get("stance.macro_f1").high(), intervals.toString());
        List<Gate> unpaired = Gates.compareTo(after, earlier(before), 0.0, intervals);
        assertTrue(unpaired.stream().filter(g -> g.metric().equals("stance.macro_f1")).allMatch(Gate::passed),
                unpaired.toString());

        // ... but on the same resamples the earlier predictions are better every time they differ.
        PairedDrop stance = paired.get("stance.macro_f1");
        assertEquals(drop, stance.drop(), 1e-12);
        assertEquals(before.get("stance.macro_f1"), stance.before(), 1e-12);
        assertTrue(stance.lowerBound() > 0, stance.toString());
        List<Gate> gates = Gates.compareTo(after, earlier(before), 0.0, new Gates.Noise(intervals, paired, 0.95, ""));
        Gate gate = gates.stream().filter(g -> g.metric().equals("stance.macro_f1")).findFirst().orElseThrow();
        assertFalse(gate.passed(), gate.toString());
        assertEquals("stance.macro_f1 not below metrics.json", gate.name());
        assertTrue(gate.message().startsWith("stance.macro_f1 dropped by "), gate.message());
        assertTrue(gate.message().contains("on the same 400 sentences), more than --max-drop 0.0, and a paired bootstrap "
                + "puts the drop at "), gate.message());
        assertTrue(gate.message().endsWith(" or more at 95% confidence (one-sided): more than sampling noise"),
                gate.message());
        // Every compared macro-F1 of the split has a paired drop, each party's and sentiment's too.
        assertEquals(after.keySet().stream().filter(k -> k.endsWith("macro_f1")).toList(),
                List.copyOf(paired.keySet()));

        // The same drop passes when it is within --max-drop: both conditions must hold to fail.
        double allowed = stance.drop() + 0.001;
        assertTrue(Gates.compareTo(after, earlier(before), allowed, new Gates.Noise(intervals, paired, 0.95, ""))
                .stream().filter(g -> g.metric().equals("stance.macro_f1")).allMatch(Gate::passed));
    }

    @Test
    void aDropLargerThanMaxDropButNotSurelySoPassesAndSaysWhy() {
        List<Labels> now = worse(6);
        Map<String, Double> before = new Evaluator().evaluate(SCHEMA, GOLD, OLD).metrics();
        Map<String, Double> after = new Evaluator().evaluate(SCHEMA, GOLD, now).metrics();
        Map<String, PairedDrop> paired = new Bootstrap(1000, 42).pairedDrops(SCHEMA, GOLD, OLD, now, 0.95);
        PairedDrop stance = paired.get("stance.macro_f1");
        // A --max-drop between the lower bound and the observed drop: the drop exceeds it, but not surely.
        double maxDrop = (stance.lowerBound() + stance.drop()) / 2;
        Gate gate = Gates.compareTo(after, earlier(before), maxDrop, new Gates.Noise(Map.of(), paired, 0.95, ""))
                .stream().filter(g -> g.metric().equals("stance.macro_f1")).findFirst().orElseThrow();
        assertTrue(gate.passed(), gate.toString());
        assertTrue(gate.message().contains(", but at 95% confidence a paired bootstrap only puts the drop at "),
                gate.message());
        assertTrue(gate.message().endsWith(": within sampling noise, passed"), gate.message());
    }

    @Test
    void identicalPredictionsHaveNoDropAtAnyResampleAndAHigherConfidenceLowersTheBound() {
        Bootstrap bootstrap = new Bootstrap(500, 1);
        bootstrap.pairedDrops(SCHEMA, GOLD, OLD, OLD, 0.95).forEach((key, d) -> {
            assertEquals(0.0, d.drop(), key);
            assertEquals(0.0, d.lowerBound(), key);
        });
        List<Labels> now = worse(6);
        double at95 = bootstrap.pairedDrops(SCHEMA, GOLD, OLD, now, 0.95).get("sentiment.macro_f1").lowerBound();
        double at99 = bootstrap.pairedDrops(SCHEMA, GOLD, OLD, now, 0.99).get("sentiment.macro_f1").lowerBound();
        assertTrue(at99 < at95, at99 + " vs " + at95);
    }

    @Test
    void confidenceMustLieAboveOneHalfAndBelowOne() {
        for (double bad : new double[] {0.5, 1.0, 0.0, 95, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bootstrap.checkConfidence(bad));
            assertTrue(e.getMessage().startsWith("--confidence must be above 0.5 and below 1"), e.getMessage());
        }
        assertEquals(0.9, Bootstrap.checkConfidence(0.9));
    }

    @Test
    void withoutPredictionsTheUnpairedRuleJudgesAndEveryGateSaysSo() {
        Map<String, Double> before = Map.of("stance.macro_f1", 0.65);
        Map<String, Double> after = Map.of("stance.macro_f1", 0.64);
        String why = "judged by the unpaired rule: no predictions.csv beside old/metrics.json for a paired bootstrap";
        Gate gate = Gates.compareTo(after, earlier(before), 0.0,
                new Gates.Noise(Map.of("stance.macro_f1", new Interval(0.6, 0.7)), Map.of(), 0.9, why)).get(0);
        assertTrue(gate.passed(), gate.toString());
        assertTrue(gate.message().endsWith("within this run's 90% interval 0.6 to 0.7: within sampling noise, passed ("
                + why + ")"), gate.message());
    }

    @Test
    void predictionsCsvHoldsIdThenGoldAndPredictedPerHeadAndReadsBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report").resolve(PredictionsCsv.FILE_NAME);
        List<Labels> gold = ReportFixtures.GOLD.subList(0, 2);
        List<Labels> predicted = ReportFixtures.PREDICTED.subList(2, 4);
        PredictionsCsv.write(file, SCHEMA, new PredictionsCsv.Rows(List.of("c1", "id, with \"comma\""), gold, predicted));
        assertEquals("id,stance_us_gold,stance_us_predicted,stance_ukraine_gold,stance_ukraine_predicted,"
                + "stance_russia_gold,stance_russia_predicted,stance_europe_gold,stance_europe_predicted,"
                + "sentiment_gold,sentiment_predicted\n"
                + "c1,FAVOR,NONE,NONE,AGAINST,AGAINST,FAVOR,NONE,NONE,NEGATIVE,NEGATIVE\n"
                + "\"id, with \"\"comma\"\"\",AGAINST,NEUTRAL,FAVOR,NONE,NONE,NONE,NEUTRAL,FAVOR,POSITIVE,NEGATIVE\n",
                Files.readString(file, StandardCharsets.UTF_8));
        PredictionsCsv.Rows back = PredictionsCsv.read(file, SCHEMA);
        assertEquals(List.of("c1", "id, with \"comma\""), back.ids());
        assertEquals(gold, back.gold());
        assertEquals(predicted, back.predicted());
    }

    @Test
    void aPredictionsCsvOfAnotherSchemaOrWithAnUnknownLabelIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "id,label\nc1,FAVOR\n");
        IOException header = assertThrows(IOException.class, () -> PredictionsCsv.read(other, SCHEMA));
        assertTrue(header.getMessage().startsWith(other + ": not a predictions.csv of this schema: expected the header id,"),
                header.getMessage());
        Path unknown = Files.writeString(dir.resolve("unknown.csv"), String.join(",", PredictionsCsv.header(SCHEMA))
                + "\nc1,FAVOR,NONE,NONE,AGAINST,AGAINST,FAVOR,NONE,NONE,NEGATIVE,GLAD\n");
        IOException label = assertThrows(IOException.class, () -> PredictionsCsv.read(unknown, SCHEMA));
        assertEquals(unknown + ": line 2: unknown label 'GLAD'", label.getMessage());
    }

    @Test
    void theDataHashIsTheFilesHashOrTheHashOfThePerFileHashesInOrder(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "a\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "b\n");
        assertEquals(Sha256.of(a), DataFingerprint.sha256(List.of(a)));
        String both = Sha256.of((Sha256.of(a) + "\n" + Sha256.of(b) + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(both, DataFingerprint.sha256(List.of(a, b)));
        assertFalse(both.equals(DataFingerprint.sha256(List.of(b, a))), "the order is part of the data");
    }

    @Test
    void metricsJsonRecordsTheDataAsAnObjectAndGatesReadItBack(@TempDir Path dir) throws IOException {
        EvaluationReport report = new EvaluationReport("m", "data.csv", "test", ReportFixtures.evaluation(), Map.of(),
                Map.of(), List.of(), Map.of(), List.of(), Map.of(), Map.of(), new DataFingerprint("ab12", "test", 8), null);
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(report, file);
        var json = Json.MAPPER.readTree(file.toFile());
        assertEquals("data.csv", json.at("/data/files").asText());
        assertEquals("ab12", json.at("/data/sha256").asText());
        assertEquals("test", json.at("/data/split").asText());
        assertEquals(8, json.at("/data/sentences").asInt());
        assertEquals("test", json.get("split").asText(), "the top-level keys stay");
        assertEquals(8, json.get("sentences").asInt());
        Gates.Earlier read = Gates.readEarlier(file);
        assertEquals("ab12", read.dataSha256());
        assertEquals("test", read.dataSplit());

        // An older metrics.json, whose "data" is the file name, records no data to check.
        MetricsJson.write(ReportFixtures.bareReport(), file);
        Gates.Earlier older = Gates.readEarlier(file);
        assertNull(older.dataSha256());
        assertFalse(older.recordsData());
    }
}
