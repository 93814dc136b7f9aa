package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancekit.training.cli.TrainingCliTest.SOUND;
import static org.stancekit.training.cli.TrainingCliTest.captureErr;
import static org.stancekit.training.cli.TrainingCliTest.captureOut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.bundle.BundleReader;
import org.stancekit.model.StanceModel;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.runtime.Sha256;

/**
 * Training and evaluating on a user's own labels beside the shipped ones: several {@code --data}
 * files read as one set, and the warnings a small set earns.
 */
class OwnLabelsTest {

    private static final String HEADER = SOUND.substring(0, SOUND.indexOf('\n') + 1);

    /** The train rows of SOUND with the shipped file's extra column, as datasets/labelled/sentences.csv has it. */
    private static String shippedLike() {
        return Arrays.stream(SOUND.split("\n")).limit(7)
                .map(line -> line + (line.startsWith("id,") ? ",annotation" : ",single"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The dev and test rows of SOUND, without the extra column: a user's own file. */
    private static String own() {
        return HEADER + Arrays.stream(SOUND.split("\n")).skip(7).collect(Collectors.joining("\n", "", "\n"));
    }

    private static Path quick(Path dir) throws IOException {
        return Files.writeString(dir.resolve("quick.properties"), "model=fast\nepochs=1\nnetwork.hiddenSize=8\nfeatures.minCount=1\n");
    }

    @Test
    void filesWithAndWithoutExtraColumnsTrainTogetherAndTheManifestRecordsEach(@TempDir Path dir) throws IOException {
        Path shipped = Files.writeString(dir.resolve("shipped.csv"), shippedLike());
        Path mine = Files.writeString(dir.resolve("mine.csv"), own());
        Path config = quick(dir);
        // Repeated and comma-separated: the same two files either way.
        for (List<String> data : List.of(List.of("--data", shipped.toString(), "--data", mine.toString()),
                List.of("--data", shipped + "," + mine))) {
            Path bundle = dir.resolve("model" + data.size() + ".zip");
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("train", "--config", config.toString(),
                    "--out", bundle.toString()), data.stream()).toArray(String[]::new);
            String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run(args))));
            assertTrue(err.contains("Training on " + shipped + " + " + mine + ": 10 sentences"), err);
            try (StanceModel<?, ?> model = new BundleReader().read(bundle)) {
                assertEquals(Map.of("shipped.csv", Sha256.of(shipped), "mine.csv", Sha256.of(mine)),
                        model.manifest().trainingData());
            }
        }
        // evaluate takes the test split from both files together, too.
        Path report = dir.resolve("report");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("evaluate", "--data",
                shipped + "," + mine, "--model", dir.resolve("model2.zip").toString(), "--report", report.toString()))));
        assertTrue(Files.readString(report.resolve("metrics.json")).contains("\"sentences\" : 2"),
                Files.readString(report.resolve("metrics.json")));
    }

    @Test
    void anIdInTwoFilesIsRefusedNamingBoth(@TempDir Path dir) throws IOException {
        Path shipped = Files.writeString(dir.resolve("shipped.csv"), shippedLike());
        Path mine = Files.writeString(dir.resolve("mine.csv"), own().replace("c2,news,e1,1,", "a3,news,e1,1,"));
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train", "--config", "fast",
                "--data", shipped.toString(), "--data", mine.toString(), "--out", bundle.toString())));
        assertTrue(err.contains(mine + ": id 'a3' is also in " + shipped + "; ids must be unique across the --data files"),
                err);
        assertFalse(Files.exists(bundle));
    }

    @Test
    void theSplitRulesHoldAcrossTheFiles(@TempDir Path dir) throws IOException {
        // Each file alone is sound; together, document t1 is in train (first file) and dev (second).
        Path shipped = Files.writeString(dir.resolve("shipped.csv"), shippedLike());
        Path mine = Files.writeString(dir.resolve("mine.csv"), own().replace("b1,news,d1,", "b1,news,t1,"));
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train", "--config", "fast",
                "--data", shipped.toString(), "--data", mine.toString(), "--out", bundle.toString())));
        assertTrue(err.contains("document news/t1 is in both train and dev (row b1)"), err);
        assertTrue(err.contains("refusing to train on this data; no bundle written"), err);
    }

    @Test
    void aSmallSetTrainsWithWarningsThatGiveTheCountsPerClass(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), SOUND);
        Path config = quick(dir);
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train",
                "--data", data.toString(), "--config", config.toString(), "--out", bundle.toString()))));
        assertTrue(err.contains("stancekit: warning: the train split has only 6 rows (fewer than 200): expect low, "
                + "unstable figures"), err);
        assertTrue(err.contains("stancekit: warning: the us head has few train rows of some class (FAVOR 2, AGAINST 0, "
                + "NEUTRAL 0, NONE 4); a class with fewer than 20 is rarely learnt"), err);
        assertTrue(err.contains("stancekit: warning: the sentiment head has few train rows of some class (POSITIVE 2, "
                + "NEGATIVE 2, NEUTRAL 2)"), err);
        assertTrue(Files.exists(bundle), "a warning, not a refusal");
    }

    @Test
    void progressNamesTheSelectionScoreAndCountsTowardTheLastEpochEarlyStoppingAllows(@TempDir Path dir)
            throws IOException {
        Path data = Files.writeString(dir.resolve("sound.csv"), SOUND);
        // Patience 1: after epoch 1, the best so far, the run can reach epoch 2 at most, not the configured 3.
        Path config = Files.writeString(dir.resolve("patient.properties"),
                "model=fast\nepochs=3\npatience=1\nnetwork.hiddenSize=8\nfeatures.minCount=1\n");
        String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("train",
                "--data", data.toString(), "--config", config.toString(), "--out", dir.resolve("m.zip").toString()))));
        assertTrue(err.startsWith("Reading " + data), err);
        assertTrue(err.contains("Training for at most 3 epochs; early stopping may end sooner (patience 1: it stops "
                + "after 1 epochs without a better dev selection score (mean of stance and sentiment macro-F1))"), err);
        assertTrue(err.contains("] epoch 1 of at most 2  loss "), err);
        assertTrue(err.contains("dev selection score (mean of stance and sentiment macro-F1) "), err);
        assertTrue(err.matches("(?s).*\\(\\d+\\.\\ds elapsed, \\d+\\.\\ds left at most\\).*"), err);
        assertFalse(err.contains("dev macro-F1"), err);
    }
}
