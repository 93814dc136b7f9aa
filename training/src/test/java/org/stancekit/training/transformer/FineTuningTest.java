package org.stancekit.training.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.bundle.BundleReader;
import org.stancekit.bundle.BundleWriter;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.model.StanceModel;
import org.stancekit.text.PartyLexicon;
import org.stancekit.training.Dataset;
import org.stancekit.training.EndToEndTest;
import org.stancekit.training.LabelledCsvReader;
import org.stancekit.training.cli.TrainingCli;
import org.stancekit.transformer.BaseEncoder;
import org.stancekit.transformer.EncoderWeights;

/**
 * The transformer's training path on a tiny slice (two layers, a few dozen sentences, one or two
 * epochs): a model that survives its bundle, reproduces the metrics it stored, is the same for the
 * same seed, and continues from a checkpoint to the model an uninterrupted run makes.
 */
class FineTuningTest {

    private static final FineTuneConfig TINY = FineTuneConfig.fromMap(Map.of("transformer.layers", "2",
            "transformer.epochs", "1", "transformer.batchSize", "8"));
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());
    private static Dataset slice;
    private static Path sliceFile;

    @BeforeAll
    static void slice(@TempDir Path dir) throws Exception {
        sliceFile = dir.resolve("slice.csv");
        EndToEndTest.writeSlice(sliceFile, 40, 16, 16);
        slice = new LabelledCsvReader(LabelSchema.DEFAULT).read(sliceFile);
    }

    @Test
    void aTinyModelSurvivesItsBundleAndReproducesItsMetrics(@TempDir Path dir) throws IOException {
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        TransformerTrainer.Result result = new TransformerTrainer(TINY, 7, PartyLexicon.loadDefault(),
                new PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8))
                .train(slice, Map.of("slice.csv", "0".repeat(64)), null);
        // Progress from the first seconds on, counted toward the epochs that can really run, and
        // the epoch's figure called by what it is.
        String log = logged.toString(java.nio.charset.StandardCharsets.UTF_8);
        int steps = (slice.split(Split.TRAIN).size() + 7) / 8;
        assertTrue(log.startsWith("Loading the base encoder all-minilm-l6-v2\nTokenising "
                + slice.split(Split.TRAIN).size() + " train sentences\n"), log);
        assertTrue(log.contains("Fine-tuning for at most 1 epochs of " + steps + " steps; early stopping may end sooner "
                + "(patience "), log);
        assertTrue(log.contains("] step " + steps + " of at most " + steps + " (epoch 1, batch " + steps + "/" + steps
                + ") loss "), log);
        assertTrue(log.contains(" left at most"), log);
        assertTrue(log.contains("dev selection score (mean of stance and sentiment macro-F1) "), log);
        Path file = dir.resolve("tiny.zip");
        new BundleWriter().write(result.model(), file);
        StanceModel<?, ?> loaded = new BundleReader().read(file);
        assertEquals(result.model().manifest(), loaded.manifest());
        List<LabelledSentence> test = slice.split(Split.TEST);
        Evaluation again = new Evaluator().evaluate(loaded, test);
        assertEquals(result.test().metrics(), again.metrics(), "evaluating the bundle gives the metrics it stores");
        assertEquals(result.test().metrics().get("stance.macro_f1"), loaded.manifest().metrics().get("stance.macro_f1"));
        assertEquals(5, loaded.manifest().temperatures().size(), "one temperature per head, fitted on dev");
        assertEquals(1, result.epochs().size());

        // evaluate --baselines sets a transformer beside the shipped fast model and the Weka baselines.
        Path report = dir.resolve("report");
        assertEquals(0, TrainingCli.run("evaluate", "--data", sliceFile.toString(), "--model", file.toString(),
                "--baselines", "--report", report.toString()));
        String metrics = Files.readString(report.resolve("metrics.json"));
        for (String row : List.of("\"fast_model\"", "\"weka_nb\"", "\"weka_svm\"", "\"majority\"")) {
            assertTrue(metrics.contains(row), row + " in " + metrics);
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() throws IOException {
        byte[] a = tune(7, null).weightsFile();
        byte[] b = tune(7, null).weightsFile();
        assertArrayEquals(a, b);
    }

    @Test
    void anInterruptedRunContinuesFromItsCheckpointToTheSameModel(@TempDir Path dir) throws IOException {
        FineTuneConfig two = FineTuneConfig.fromMap(Map.of("transformer.layers", "2", "transformer.epochs", "2",
                "transformer.batchSize", "8", "transformer.patience", "2"));
        FineTuner.Result whole = tune(two, 11, null, w -> evaluation(w));
        Path checkpoints = dir.resolve("run.checkpoint");
        int[] calls = {0};
        // The first run dies after its first epoch's checkpoint, as a killed process would.
        assertThrows(IllegalStateException.class, () -> tune(two, 11, checkpoints, w -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("killed");
            }
            return evaluation(w);
        }));
        assertTrue(Files.exists(checkpoints.resolve("state.json")), "a checkpoint after the first epoch");
        FineTuner.Result resumed = tune(two, 11, checkpoints, w -> evaluation(w));
        assertEquals(whole.epochs().size(), resumed.epochs().size());
        assertArrayEquals(whole.weightsFile(), resumed.weightsFile(), "the resumed run ends with the same model");
        IOException other = assertThrows(IOException.class, () -> tune(two, 12, checkpoints, w -> evaluation(w)));
        assertTrue(other.getMessage().contains("a checkpoint of another run"), other.getMessage());
        // A data file changed after its state was written: refused, not resumed.
        List<Path> tensors;
        try (var files = Files.list(checkpoints)) {
            tensors = files.filter(f -> f.getFileName().toString().startsWith("tensors-")).toList();
        }
        assertEquals(1, tensors.size(), "the previous epoch's files are deleted once the new state is written");
        Files.write(tensors.get(0), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        IOException torn = assertThrows(IOException.class, () -> tune(two, 11, checkpoints, w -> evaluation(w)));
        assertTrue(torn.getMessage().contains("does not match"), torn.getMessage());
    }

    private static FineTuner.Result tune(long seed, Path checkpoints) throws IOException {
        return tune(TINY, seed, checkpoints, w -> evaluation(w));
    }

    private static FineTuner.Result tune(FineTuneConfig config, long seed, Path checkpoints,
                                         FineTuner.DevEvaluation dev) throws IOException {
        EncoderWeights base = EncoderWeights.read(BaseEncoder.MINILM);
        return new FineTuner(config, seed, LabelSchema.DEFAULT, PartyLexicon.loadDefault(), QUIET)
                .fineTune(slice.split(Split.TRAIN), base, dev, checkpoints, "slice|" + config.toMap() + "|" + seed);
    }

    /** A dev evaluation that depends on the weights only through their bytes, cheap enough for the test. */
    private static Evaluation evaluation(byte[] weightsFile) {
        LabelSchema schema = LabelSchema.DEFAULT;
        List<LabelledSentence> dev = slice.split(Split.DEV);
        int h = java.util.Arrays.hashCode(weightsFile);
        return new Evaluator().evaluate(schema, dev.stream().map(LabelledSentence::labels).toList(),
                dev.stream().map(s -> Math.floorMod(h + s.text().length(), 3) == 0 ? s.labels()
                        : dev.get(0).labels()).toList());
    }

}
