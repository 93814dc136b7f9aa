package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancekit.runtime.ExitCodes;

class TrainingCliTest {

    @Test
    void aMalformedLabelledCsvFailsWithItsLineAndWritesNoBundle(@TempDir Path dir) {
        Path data = dir.resolve("bad.csv");
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> {
            try {
                Files.writeString(data, "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split\n"
                        + "a,news,d,0,Fine.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                        + "b,news,d,1,Broken.,NONE,NONE,MAYBE,NONE,NEUTRAL,train\n");
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
            assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train", "--data", data.toString(), "--out", bundle.toString()));
        });
        assertTrue(err.contains(data + ":3: unknown stance label 'MAYBE' in column 'russia'"), err);
        assertTrue(!Files.exists(bundle));
    }

    /** A small set that trains: every head has two classes or more in train; dev and test are not empty. */
    static final String SOUND = "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split\n"
            + "a1,news,t1,0,Russia attacked Kharkiv overnight.,NONE,FAVOR,AGAINST,NONE,NEGATIVE,train\n"
            + "a2,news,t1,1,Washington sent more aid to Kyiv.,FAVOR,FAVOR,NONE,NONE,POSITIVE,train\n"
            + "a3,news,t2,0,Brussels debated new sanctions on Moscow.,NONE,NONE,AGAINST,FAVOR,NEUTRAL,train\n"
            + "a4,news,t2,1,The weather stayed mild all week.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
            + "a5,news,t3,0,The EU summit ended without a deal.,NONE,NONE,NONE,AGAINST,NEGATIVE,train\n"
            + "a6,news,t3,1,US officials praised the resilience of Ukraine.,FAVOR,FAVOR,NONE,NONE,POSITIVE,train\n"
            + "b1,news,d1,0,Russian troops shelled Odesa again.,NONE,NONE,AGAINST,NONE,NEGATIVE,dev\n"
            + "b2,news,d1,1,Europe pledged new funds for Kyiv.,NONE,FAVOR,NONE,FAVOR,POSITIVE,dev\n"
            + "c1,news,e1,0,Russian drones struck Lviv.,NONE,NONE,AGAINST,NONE,NEGATIVE,test\n"
            + "c2,news,e1,1,The US and Ukraine signed a minerals deal.,FAVOR,FAVOR,NONE,NONE,POSITIVE,test\n";

    /** A fast model of one small epoch, so that a check that fails to refuse costs seconds, not minutes. */
    private static Path quickConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("quick.properties"),
                "model=fast\nepochs=1\nnetwork.hiddenSize=8\nfeatures.minCount=1\n");
    }

    @Test
    void theSoundSetTrains(@TempDir Path dir) throws IOException {
        // The control for the refusals below: each of them changes SOUND in one respect only.
        Path data = Files.writeString(dir.resolve("sound.csv"), SOUND);
        Path config = quickConfig(dir);
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train",
                "--data", data.toString(), "--config", config.toString(), "--out", bundle.toString()))));
        assertTrue(Files.exists(bundle), err);
    }

    static Stream<Arguments> brokenSets() {
        return Stream.of(
                Arguments.of("a document in two splits", (UnaryOperator<String>) s -> s.replace("b1,news,d1,", "b1,news,t1,"),
                        "document news/t1 is in both train and dev (row b1)"),
                Arguments.of("the same text in two splits",
                        (UnaryOperator<String>) s -> s.replace("Russian drones struck Lviv.", "Russia attacked  KHARKIV overnight."),
                        "text of row c1 also appears in the train split"),
                Arguments.of("a synthetic test row", (UnaryOperator<String>) s -> s.replace("c2,news,", "c2,synthetic,"),
                        "synthetic row c2 is in the test split (train only)"),
                Arguments.of("one class in a party's head", (UnaryOperator<String>) s -> s
                                .replace("AGAINST,FAVOR,NEUTRAL,train", "AGAINST,NONE,NEUTRAL,train")
                                .replace("NONE,AGAINST,NEGATIVE,train", "NONE,NONE,NEGATIVE,train"),
                        "the europe head has one class in the train split (NONE on all 6 rows): it needs at least two to learn"),
                Arguments.of("one sentiment in train",
                        (UnaryOperator<String>) s -> s.replaceAll("(NEGATIVE|NEUTRAL),train", "POSITIVE,train"),
                        "the sentiment head has one class in the train split (POSITIVE on all 6 rows)"),
                Arguments.of("no dev rows", (UnaryOperator<String>) s -> s.replace(",dev\n", ",train\n"),
                        "the dev split is empty: it chooses the epoch and calibrates the model"),
                Arguments.of("no train rows", (UnaryOperator<String>) s -> s.replace(",train\n", ",test\n"),
                        "the train split is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSets")
    void trainRefusesWhatIsNotSoundAndWritesNoBundle(String what, UnaryOperator<String> breakIt, String problem,
                                                     @TempDir Path dir) throws IOException {
        String broken = breakIt.apply(SOUND);
        assertNotEquals(SOUND, broken, what + ": the fixture must change");
        Path data = Files.writeString(dir.resolve("broken.csv"), broken);
        Path config = quickConfig(dir);
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train",
                "--data", data.toString(), "--config", config.toString(), "--out", bundle.toString()))));
        assertTrue(err.contains("stancekit: error: " + data + ": " + problem), err);
        assertTrue(err.contains(data + ": refusing to train on this data; no bundle written"), err);
        assertFalse(Files.exists(bundle), err);
    }

    @Test
    void trainRefusesAHeaderOnlyFile(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("header.csv"), SOUND.substring(0, SOUND.indexOf('\n') + 1));
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train", "--data", data.toString(),
                "--config", "fast", "--out", bundle.toString())));
        assertTrue(err.contains(data + ": no sentences: the file has a header row and nothing else"), err);
        assertFalse(Files.exists(bundle), err);
    }

    @Test
    void theTransformerAndCrossValidationAreRefusedALeakToo(@TempDir Path dir) throws IOException {
        // Checked before the kind of model is chosen: the transformer (the default) is refused
        // before its encoder loads, and cross-validation, which re-splits the rows, before any fold.
        Path data = Files.writeString(dir.resolve("leak.csv"), SOUND.replace("b1,news,d1,", "b1,news,t1,"));
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT,
                TrainingCli.run("train", "--data", data.toString(), "--out", bundle.toString())));
        assertTrue(err.contains(data + ": document news/t1 is in both train and dev (row b1)"), err);
        assertFalse(Files.exists(bundle), err);
        assertFalse(Files.exists(dir.resolve("model.zip.checkpoint")), err);
        String cv = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train", "--data", data.toString(),
                "--config", "fast", "--cv", "3")));
        assertTrue(cv.contains(data + ": document news/t1 is in both train and dev (row b1)"), cv);
    }

    @Test
    void crossValidationNeedsNoDevSplitOfItsOwn(@TempDir Path dir) throws IOException {
        // It deals the train and dev rows into folds by document: the file's dev split is not used.
        Path data = Files.writeString(dir.resolve("nodev.csv"), SOUND.replace(",dev\n", ",train\n"));
        Path config = quickConfig(dir);
        String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train",
                "--data", data.toString(), "--config", config.toString(), "--cv", "3"))));
        assertFalse(err.contains("refusing"), err);
    }

    @Test
    void datasetCheckFailsAHeaderOnlyFileAndAnEmptyOne(@TempDir Path dir) throws IOException {
        Path header = Files.writeString(dir.resolve("header.csv"), SOUND.substring(0, SOUND.indexOf('\n') + 1));
        String out = captureOut(() -> assertEquals(ExitCodes.PARTIAL,
                TrainingCli.run("dataset", "check", "--data", header.toString())));
        assertTrue(out.contains("FAILED: no sentences: the file has a header row and nothing else"), out);
        assertTrue(out.contains("dataset check FAILED: 1 problem(s)"), out);
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        String err = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT,
                TrainingCli.run("dataset", "check", "--data", empty.toString())));
        assertTrue(err.contains(empty + ":1: empty file, expected a header row"), err);
    }

    @Test
    void datasetCheckWarnsOfWhatTrainWouldRefuse(@TempDir Path dir) throws IOException {
        // A file of train and test rows only is a sound file, but not one train takes.
        Path data = Files.writeString(dir.resolve("nodev.csv"), SOUND.replace(",dev\n", ",train\n"));
        String out = captureOut(() -> assertEquals(ExitCodes.OK,
                TrainingCli.run("dataset", "check", "--data", data.toString())));
        assertTrue(out.contains("warning: train would refuse this file: the dev split is empty"), out);
        assertTrue(out.contains("dataset check passed"), out);
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("train", "--data", "x.csv", "--out", "m.zip", "--no-such-option")));
        assertTrue(err.contains("Unknown option"), err);
    }

    @Test
    void distilledLabelsAreNeverCrossValidated() {
        // Their teacher saw the held-out sentences: refused before any data is read.
        for (String[] cv : new String[][] {{"--cv", "3"}, {"--cv-by", "source"}}) {
            String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("train", "--config", "fast",
                    "--data", "x.csv", "--distilled", "d.csv", cv[0], cv[1])));
            assertTrue(err.contains("--distilled cannot be cross-validated"), err);
        }
    }

    @Test
    void distilledSentencesFromADevOrTestDocumentAreRefused(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), SOUND);
        String header = SOUND.substring(0, SOUND.indexOf('\n') + 1);
        Path leaky = Files.writeString(dir.resolve("distilled.csv"), header
                + "x1,news,e1,5,Kyiv said the talks went well.,NONE,FAVOR,NONE,NONE,POSITIVE,train\n");
        Path textLeak = Files.writeString(dir.resolve("distilled2.csv"), header
                + "x2,wire,w9,0,Russian troops shelled Odesa again.,NONE,NONE,AGAINST,NONE,NEGATIVE,train\n");
        Path config = quickConfig(dir);
        Path bundle = dir.resolve("model.zip");
        for (Path distilled : List.of(leaky, textLeak)) {
            String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train",
                    "--data", data.toString(), "--config", config.toString(), "--distilled", distilled.toString(),
                    "--out", bundle.toString()))));
            assertTrue(err.contains(distilled + ": ") && (err.contains("document news/e1 is in both test and train")
                    || err.contains("also appears in the dev split")), err);
            assertFalse(Files.exists(bundle), "no bundle written");
        }
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : new String[] {"train", "evaluate", "dataset"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream old = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                assertEquals(0, TrainingCli.run(command, "--help"));
            } finally {
                System.setOut(old);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: stancekit " + command), out.toString());
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"transformer", "fast"})
    void printConfigIsTheSameTextEveryTimeKeysSortedWithoutATimestamp(String kind) throws IOException {
        String first = captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train", "--config", kind, "--print-config")));
        String second = captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train", "--config", kind, "--print-config")));
        assertEquals(first, second);
        List<String> lines = first.lines().toList();
        assertEquals("# StanceKit training configuration", lines.get(0), "one comment line, no date");
        List<String> keys = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
        assertTrue(lines.contains("model=" + kind), first);
        // What it prints is a configuration train reads back.
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(first));
        assertEquals(keys.size(), p.size());
    }

    static String captureErr(Runnable action) {
        return capture(action, System.err, System::setErr);
    }

    static String captureOut(Runnable action) {
        return capture(action, System.out, System::setOut);
    }

    /** What {@code action} prints on the stream that {@code set} replaces, {@code old} restored after. */
    private static String capture(Runnable action, PrintStream old, java.util.function.Consumer<PrintStream> set) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            set.accept(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
