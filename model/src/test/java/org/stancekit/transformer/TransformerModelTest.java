package org.stancekit.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.bundle.BundleFormatException;
import org.stancekit.bundle.BundleReader;
import org.stancekit.bundle.BundleWriter;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;
import org.stancekit.model.StanceModel;

/**
 * The transformer model as scored: a sentence's probabilities do not depend on its batch-mates,
 * the bundle round trip keeps every prediction, and a bundle that does not fit its base encoder
 * or holds a damaged weights file is refused with a message that says so.
 */
class TransformerModelTest {

    private static TransformerModel model;

    @BeforeAll
    static void load() throws IOException {
        model = TinyTransformer.model(3);
    }

    @Test
    void aSentencesProbabilitiesDoNotDependOnItsBatch() {
        List<String> sentences = new ArrayList<>(EncoderEquivalenceTest.SENTENCES);
        sentences.add("Russia's foreign ministry summoned the envoy.");
        sentences.add("The talks in Jeddah ended without a deal.");
        float[][] together = model.rows(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            float[][] alone = model.rows(List.of(sentences.get(i)));
            assertArrayEquals(together[i], alone[0], "sentence " + i + " scored alone");
        }
        List<String> reversed = new ArrayList<>(sentences);
        java.util.Collections.reverse(reversed);
        float[][] backwards = model.rows(reversed);
        for (int i = 0; i < sentences.size(); i++) {
            assertArrayEquals(together[i], backwards[sentences.size() - 1 - i], "sentence " + i + " in another order");
        }
    }

    @Test
    void probabilitiesAreDistributionsAndTemperaturesChangeConfidenceNotDecisions() {
        List<String> sentences = EncoderEquivalenceTest.SENTENCES;
        List<Prediction> plain = model.predict(sentences);
        TransformerModel hot = model.withManifest(model.manifest().withTemperatures(Map.of("stance_us", 3.0, "sentiment", 0.5)));
        List<Prediction> scaled = hot.predict(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            double sum = 0;
            for (double p : plain.get(i).stances().get(0).probabilities()) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-5);
            assertEquals(plain.get(i).stances().get(0).best(), scaled.get(i).stances().get(0).best());
            assertEquals(plain.get(i).sentiment().best(), scaled.get(i).sentiment().best());
            assertEquals(plain.get(i).stances().get(1), scaled.get(i).stances().get(1), "heads without a temperature");
        }
    }

    @Test
    void theBundleRoundTripKeepsEveryPrediction(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.zip");
        new BundleWriter().write(model, file);
        StanceModel<?, ?> loaded = new BundleReader().read(file);
        assertTrue(loaded instanceof TransformerModel);
        assertEquals(model.manifest(), loaded.manifest());
        assertEquals(model.predict(EncoderEquivalenceTest.SENTENCES), loaded.predict(EncoderEquivalenceTest.SENTENCES));
        Path again = dir.resolve("again.zip");
        new BundleWriter().write(loaded, again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "a loaded bundle writes the same bytes");
        assertTrue(Files.size(file) < 6_000_000, "two layers' deltas and the heads, compressed: " + Files.size(file));
    }

    @Test
    void aBundleFineTunedFromOtherBaseWeightsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.zip");
        new BundleWriter().write(model, file);
        String sha = model.manifest().transformer().sha256();
        Path other = rewrite(file, dir.resolve("other.zip"), BundleWriterNames.MANIFEST,
                bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace(sha, "0".repeat(64))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> new BundleReader().read(other));
        assertTrue(e.getMessage().contains("fine-tuned from all-minilm-l6-v2 weights with SHA-256 " + "0".repeat(64)),
                e.getMessage());
        assertTrue(e.getMessage().contains(sha), e.getMessage());
    }

    @Test
    void aDamagedWeightsFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.zip");
        new BundleWriter().write(model, file);
        Path truncated = rewrite(file, dir.resolve("truncated.zip"), BundleWriterNames.WEIGHTS,
                bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> new BundleReader().read(truncated));
        assertTrue(e.getMessage().contains("weights.bin: truncated"), e.getMessage());
        Path garbage = rewrite(file, dir.resolve("garbage.zip"), BundleWriterNames.WEIGHTS,
                bytes -> "not weights".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        e = assertThrows(BundleFormatException.class, () -> new BundleReader().read(garbage));
        assertTrue(e.getMessage().contains("not a StanceKit weights file"), e.getMessage());
    }

    @Test
    void theWeightsFileHoldsEveryWeightWithinHalfAQuantisationStep() throws IOException {
        EncoderWeights base = TinyTransformer.base();
        Map<String, long[]> shapes = TransformerModel.tensorShapes(base, 2, LabelSchema.DEFAULT, false);
        Map<String, float[]> raw = TinyTransformer.weights(5, "mentions");
        byte[] file = WeightsFile.write(raw, shapes, base.tensors());
        Map<String, float[]> read = WeightsFile.read(file, shapes, base.tensors(), "test");
        for (String name : shapes.keySet()) {
            float[] r = raw.get(name);
            float[] pretrained = base.tensors().get(name);
            if (pretrained == null || shapes.get(name).length != 2) {
                assertArrayEquals(r, read.get(name), name + " is stored exactly");
                continue;
            }
            int cols = (int) shapes.get(name)[1];
            for (int row = 0; row < r.length / cols; row++) {
                double largest = 0;
                for (int c = 0; c < cols; c++) {
                    largest = Math.max(largest, Math.abs(r[row * cols + c] - pretrained[row * cols + c]));
                }
                // An 8-bit delta is within half a step of the weight; a step is 1/127 of the row's largest change.
                for (int c = 0; c < cols; c++) {
                    int i = row * cols + c;
                    assertEquals(r[i], read.get(name)[i], largest / 254 + 1e-6, name + "[" + i + "]");
                }
            }
        }
    }

    /** Copies a bundle, transforming one entry. */
    private static Path rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(file)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(entry) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return to;
    }

    /** The bundle's entry names (package-private in the bundle package). */
    private static final class BundleWriterNames {
        static final String MANIFEST = "manifest.json";
        static final String WEIGHTS = "weights.bin";
    }
}
