package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancekit.training.cli.TrainingCliTest.captureErr;
import static org.stancekit.training.cli.TrainingCliTest.captureOut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.runtime.Sha256;

/** The gates of {@code stancekit evaluate}: refused early when malformed, never silently skipped. */
class EvaluateCommandTest {

    static Stream<Arguments> malformedGates() {
        return Stream.of(
                Arguments.of(List.of("--fail-under", "stance.macro_f1=0.9,stance.macro_f1=0.1"),
                        "--fail-under: stance.macro_f1 is given twice (0.9 and 0.1); give each metric one floor"),
                Arguments.of(List.of("--fail-under", "stance.macro_f1=high"),
                        "--fail-under: 'high' is not a number in 'stance.macro_f1=high'"),
                Arguments.of(List.of("--fail-under", "stance.macro_f1"),
                        "--fail-under: expected metric=value, got 'stance.macro_f1'"),
                Arguments.of(List.of("--fail-under", "stance.macro_f1=-1"),
                        "--fail-under: the floor of stance.macro_f1 must be a number from 0 to 1, got '-1'"),
                Arguments.of(List.of("--fail-under", "sentiment.macro_f1=NaN"),
                        "--fail-under: the floor of sentiment.macro_f1 must be a number from 0 to 1, got 'NaN'"),
                Arguments.of(List.of("--fail-under", "stance.macro_f1=Infinity"),
                        "--fail-under: the floor of stance.macro_f1 must be a number from 0 to 1, got 'Infinity'"),
                Arguments.of(List.of("--max-drop", "0.02"),
                        "--max-drop needs --compare-to OLD_metrics.json: it is the drop allowed against that earlier run"),
                Arguments.of(List.of("--compare-to", "OLD", "--max-drop", "1.5"),
                        "--max-drop must be a number from 0 to 1, got 1.5"),
                Arguments.of(List.of("--compare-to", "OLD", "--max-drop", "-0.1"),
                        "--max-drop must be a number from 0 to 1, got -0.1"),
                Arguments.of(List.of("--compare-to", "OLD", "--max-drop", "NaN"),
                        "--max-drop must be a number from 0 to 1, got NaN"),
                Arguments.of(List.of("--compare-to", "OLD", "--max-drop", "some"),
                        "--max-drop must be a number from 0 to 1 or 'auto', got 'some'"),
                Arguments.of(List.of("--noise-aware"),
                        "--noise-aware needs --compare-to OLD_metrics.json"),
                Arguments.of(List.of("--allow-different-data"),
                        "--allow-different-data needs --compare-to OLD_metrics.json"),
                Arguments.of(List.of("--compare-to", "OLD", "--confidence", "0.9"),
                        "--confidence needs --noise-aware or --max-drop auto"),
                Arguments.of(List.of("--compare-to", "OLD", "--max-drop", "auto", "--confidence", "1"),
                        "--confidence must be above 0.5 and below 1, for example 0.95, got 1.0"),
                Arguments.of(List.of("--split", "bogus"), "unknown split 'bogus' (expected train, dev or test)"));
    }

    @ParameterizedTest
    @MethodSource("malformedGates")
    void malformedGatesAreUsageErrorsBeforeTheModelLoads(List<String> gate, String message, @TempDir Path dir)
            throws IOException {
        // The model does not exist: had it been loaded first, the exit code would be 3 (bad input).
        Path old = Files.writeString(dir.resolve("old.json"), "{\"stance\": {\"macro_f1\": 0.6}}");
        Path report = dir.resolve("report");
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", dir.resolve("data.csv").toString(),
                "--model", dir.resolve("no-such-model.zip").toString(), "--report", report.toString()));
        gate.forEach(a -> args.add(a.equals("OLD") ? old.toString() : a));
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run(args.toArray(String[]::new))));
        assertTrue(err.contains(message), err);
        assertFalse(err.contains("no-such-model"), err);
        assertFalse(Files.exists(report), err);
    }

    @Test
    void aCompareToFileThatIsNotMetricsJsonIsRefusedBeforeTheModelLoads(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("old.json"), "stance.macro_f1 = 0.6\n");
        String err = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("evaluate",
                "--data", dir.resolve("data.csv").toString(), "--model", dir.resolve("no-such-model.zip").toString(),
                "--compare-to", old.toString())));
        assertTrue(err.contains("stancekit: error: " + old + ": not a metrics.json: not valid JSON at line 1"), err);
    }

    @Test
    void comparingWithAFileThatLacksAMetricFailsThatGateAndAnotherTestSetSizeIsWarnedOf(@TempDir Path dir)
            throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), TrainingCliTest.SOUND);
        Path config = Files.writeString(dir.resolve("quick.properties"),
                "model=fast\nepochs=1\nnetwork.hiddenSize=8\nfeatures.minCount=1\n");
        Path bundle = dir.resolve("model.zip");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train", "--data", data.toString(),
                "--config", config.toString(), "--out", bundle.toString()))));
        Path first = dir.resolve("first");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle, first))));
        Path metrics = first.resolve("metrics.json");

        // The control: against its own metrics, with the default drop of 0, every gate passes, quietly.
        String[] out = new String[1];
        String err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.OK,
                evaluate(data, bundle, dir.resolve("same"), "--compare-to", metrics.toString()))));
        assertTrue(out[0].contains("PASS sentiment.macro_f1 not below metrics.json ("), out[0]);
        assertFalse(out[0].contains("FAIL"), out[0]);
        assertFalse(err.contains("warning"), err);

        ObjectMapper json = new ObjectMapper();
        ObjectNode older = (ObjectNode) json.readTree(metrics.toFile());
        ((ObjectNode) older.get("sentiment")).remove("macro_f1");
        older.put("sentences", 1375);
        Path old = dir.resolve("old.json");
        json.writeValue(old.toFile(), older);
        err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.PARTIAL,
                evaluate(data, bundle, dir.resolve("older"), "--compare-to", old.toString()))));
        assertTrue(out[0].matches("(?s).*FAIL sentiment\\.macro_f1 not below old\\.json \\(\\d\\.\\d{4}, limit n/a\\): .*"),
                out[0]);
        assertTrue(out[0].contains(", limit n/a): sentiment.macro_f1 is not in " + old + ", so it cannot be compared"),
                out[0]);
        assertTrue(out[0].contains("PASS stance.macro_f1 not below old.json ("), out[0]);
        assertTrue(err.contains("stancekit: warning: " + old + " was computed on 1375 sentences, this evaluation on 2: "
                + "the comparison is not like for like"), err);
    }

    @Test
    void maxDropAutoJudgesADropBySamplingNoiseAndNamesNoValueInJunitXml(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), TrainingCliTest.SOUND);
        Path config = Files.writeString(dir.resolve("quick.properties"),
                "model=fast\nepochs=1\nnetwork.hiddenSize=8\nfeatures.minCount=1\n");
        Path bundle = dir.resolve("model.zip");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train", "--data", data.toString(),
                "--config", config.toString(), "--out", bundle.toString()))));
        Path first = dir.resolve("first");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle, first))));
        // An earlier run 0.0001 better on every macro-F1: a drop on two test sentences that only
        // noise explains, as long as the old value is inside the interval (which spans 0 to 1 here).
        ObjectMapper json = new ObjectMapper();
        ObjectNode older = (ObjectNode) json.readTree(first.resolve("metrics.json").toFile());
        for (String head : List.of("stance", "sentiment")) {
            ObjectNode node = (ObjectNode) older.get(head);
            node.put("macro_f1", Math.min(1.0, node.get("macro_f1").asDouble() + 0.0001));
        }
        Path old = dir.resolve("old.json");
        json.writeValue(old.toFile(), older);
        String plain = captureOut(() -> assertEquals(ExitCodes.PARTIAL,
                evaluate(data, bundle, dir.resolve("plain"), "--compare-to", old.toString())));
        assertTrue(plain.contains("FAIL stance.macro_f1 not below old.json"), plain);
        String auto = captureOut(() -> assertEquals(ExitCodes.OK,
                evaluate(data, bundle, dir.resolve("auto"), "--compare-to", old.toString(), "--max-drop", "auto")));
        assertTrue(auto.contains("PASS stance.macro_f1 not below old.json"), auto);
        assertTrue(auto.contains("within sampling noise, passed"), auto);
        String junit = Files.readString(dir.resolve("auto").resolve("junit.xml"));
        assertTrue(junit.contains("name=\"stance.macro_f1 not below old.json\""), junit);
        String noGates = Files.readString(first.resolve("junit.xml"));
        assertTrue(noGates.contains("tests=\"1\" failures=\"0\"") && noGates.contains("name=\"evaluation completed\""),
                noGates);
    }

    @Test
    void predictionsCsvAndTheDataFingerprintAreWrittenAndTheEarlierPredictionsPairTheComparison(@TempDir Path dir)
            throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), TrainingCliTest.SOUND);
        Path bundle = train(dir, data);
        Path first = dir.resolve("first");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle, first))));
        List<String> lines = Files.readAllLines(first.resolve("predictions.csv"));
        assertEquals("id,stance_us_gold,stance_us_predicted,stance_ukraine_gold,stance_ukraine_predicted,"
                + "stance_russia_gold,stance_russia_predicted,stance_europe_gold,stance_europe_predicted,"
                + "sentiment_gold,sentiment_predicted", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("c1,NONE,") && lines.get(2).startsWith("c2,FAVOR,"), lines.toString());
        JsonNode metrics = new ObjectMapper().readTree(first.resolve("metrics.json").toFile());
        assertEquals(Sha256.of(data), metrics.at("/data/sha256").asText());
        assertEquals("test", metrics.at("/data/split").asText());
        assertEquals(2, metrics.at("/data/sentences").asInt());
        assertEquals(data.toString(), metrics.at("/data/files").asText());

        // Beside its own predictions: paired, so no note of the unpaired rule.
        String[] out = new String[1];
        String err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle,
                dir.resolve("paired"), "--compare-to", first.resolve("metrics.json").toString(), "--max-drop", "auto"))));
        assertFalse(err.contains("unpaired") || out[0].contains("unpaired"), err + out[0]);
        assertTrue(out[0].contains("PASS stance.macro_f1 not below metrics.json"), out[0]);
        assertTrue(out[0].contains(", predictions.csv"), out[0]);

        // Earlier predictions of other sentences: the unpaired rule, and every gate says why.
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(first.resolve("metrics.json"), other.resolve("metrics.json"));
        Files.writeString(other.resolve("predictions.csv"), Files.readString(first.resolve("predictions.csv"))
                .replace("\nc1,", "\nzz,"));
        err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle,
                dir.resolve("unpaired"), "--compare-to", other.resolve("metrics.json").toString(), "--noise-aware",
                "--confidence", "0.9"))));
        String why = "judged by the unpaired rule: " + other.toAbsolutePath().resolve("predictions.csv")
                + " holds other sentences than this evaluation (2 ids there, 2 here), so no paired bootstrap";
        assertTrue(err.contains("stancekit: note: " + why), err);
        assertTrue(out[0].contains("PASS stance.macro_f1 not below metrics.json (") && out[0].contains(": " + why), out[0]);

        // No predictions.csv at all: the same, with that reason.
        Path lonely = Files.createDirectories(dir.resolve("lonely"));
        Files.copy(first.resolve("metrics.json"), lonely.resolve("metrics.json"));
        err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle, dir.resolve("l"),
                "--compare-to", lonely.resolve("metrics.json").toString(), "--max-drop", "auto"))));
        assertTrue(err.contains("stancekit: note: judged by the unpaired rule: no predictions.csv beside "
                + lonely.resolve("metrics.json") + " for a paired bootstrap"), err);
    }

    @Test
    void aComparisonWithOtherDataIsRefusedBeforeTheModelLoadsUnlessAllowed(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), TrainingCliTest.SOUND);
        Path bundle = train(dir, data);
        Path first = dir.resolve("first");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle, first))));
        ObjectMapper json = new ObjectMapper();
        ObjectNode older = (ObjectNode) json.readTree(first.resolve("metrics.json").toFile());
        String otherHash = "0".repeat(64);
        ((ObjectNode) older.get("data")).put("sha256", otherHash).put("split", "dev");
        Path old = dir.resolve("old.json");
        json.writeValue(old.toFile(), older);

        // Refused as a usage error, naming both hashes and both splits; no model is loaded, no report written.
        Path refused = dir.resolve("refused");
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, evaluate(data, dir.resolve("no-such-model.zip"),
                refused, "--compare-to", old.toString())));
        assertTrue(err.contains(old + " was computed on other data (data.split dev there, test here; data.sha256 "
                + otherHash + " there, " + Sha256.of(data) + " here): figures of different data differ by more than "
                + "the model, so the comparison is refused; give --allow-different-data to compare anyway"), err);
        assertFalse(err.contains("no-such-model"), err);
        assertFalse(Files.exists(refused), err);

        // Allowed: a warning, and the comparison runs.
        String[] out = new String[1];
        err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle,
                dir.resolve("allowed"), "--compare-to", old.toString(), "--allow-different-data"))));
        assertTrue(err.contains("stancekit: warning: " + old + " was computed on other data (data.split dev there, "
                + "test here; data.sha256 " + otherHash + " there, " + Sha256.of(data) + " here); compared anyway, as "
                + "--allow-different-data asks"), err);
        assertTrue(out[0].contains("PASS stance.macro_f1 not below old.json"), out[0]);

        // An older metrics.json, whose data is only a file name: compared, with a warning.
        older.put("data", data.toString());
        json.writeValue(old.toFile(), older);
        err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.OK, evaluate(data, bundle,
                dir.resolve("older"), "--compare-to", old.toString()))));
        assertTrue(err.contains("stancekit: warning: " + old + " does not record the data it was computed on "
                + "(data.sha256, data.split; written since this version), so it is compared without checking that the "
                + "data are the same"), err);
        assertTrue(out[0].contains("PASS stance.macro_f1 not below old.json"), out[0]);
    }

    /** A fast model of one small epoch on {@code data}. */
    static Path train(Path dir, Path data) throws IOException {
        Path config = Files.writeString(dir.resolve("quick.properties"),
                "model=fast\nepochs=1\nnetwork.hiddenSize=8\nfeatures.minCount=1\n");
        Path bundle = dir.resolve("model.zip");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train", "--data", data.toString(),
                "--config", config.toString(), "--out", bundle.toString()))));
        return bundle;
    }

    private static int evaluate(Path data, Path bundle, Path report, String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", data.toString(), "--model", bundle.toString(),
                "--report", report.toString()));
        args.addAll(List.of(more));
        return TrainingCli.run(args.toArray(String[]::new));
    }
}
