package org.stancekit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.Prediction;
import org.stancekit.model.DecisionRule;
import org.stancekit.model.FastModel;

class BundleRoundTripTest {

    private static FastModel bundle;

    @BeforeAll
    static void train() {
        bundle = TinyModels.trained(42);
    }

    @Test
    void savedAndLoadedBundlePredictsIdentically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        new BundleWriter().write(bundle, file);
        FastModel loaded = new BundleReader().readFast(file);

        assertEquals(bundle.manifest(), loaded.manifest());
        assertEquals(bundle.encoder().vocabulary().features(), loaded.encoder().vocabulary().features());
        List<Prediction> before = bundle.predict(TinyModels.sentences());
        List<Prediction> after = loaded.predict(TinyModels.sentences());
        assertEquals(before, after);
        assertEquals(6, after.size());
        double sum = after.get(0).stances().get(0).probabilities()[0] + after.get(0).stances().get(0).probabilities()[1]
                + after.get(0).stances().get(0).probabilities()[2] + after.get(0).stances().get(0).probabilities()[3];
        assertEquals(1.0, sum, 1e-5);
    }

    @Test
    void decisionBiasesSurviveTheRoundTripAndShiftDecisions(@TempDir Path dir) throws IOException {
        FastModel biased = new FastModel(bundle.network(), bundle.encoder(),
                bundle.manifest().withDecisionBias(java.util.Map.of("stance_us", new double[] {1.5, 0, -1, 0})));
        Path file = dir.resolve("biased.zip");
        new BundleWriter().write(biased, file);
        FastModel loaded = new BundleReader().readFast(file);
        assertEquals(biased.manifest(), loaded.manifest());
        assertNotEquals(bundle.manifest(), loaded.manifest());
        List<Prediction> plain = bundle.predict(TinyModels.sentences());
        List<Prediction> shifted = loaded.predict(TinyModels.sentences());
        for (int i = 0; i < plain.size(); i++) {
            double[] expected = plain.get(i).stances().get(0).probabilities();
            DecisionRule.applyBias(expected, new double[] {1.5, 0, -1, 0});
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, shifted.get(i).stances().get(0).probabilities(), 1e-12);
            assertEquals(plain.get(i).stances().get(1), shifted.get(i).stances().get(1), "other heads untouched");
        }
    }

    @Test
    void sameSeedGivesSameModelAndAnotherSeedDoesNot() {
        List<Prediction> a = TinyModels.trained(7).predict(TinyModels.sentences());
        List<Prediction> b = TinyModels.trained(7).predict(TinyModels.sentences());
        List<Prediction> c = TinyModels.trained(8).predict(TinyModels.sentences());
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void unknownFormatVersionIsRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
        BundleFormatException e = refusedAfterRewrite(dir, bundle, "future.zip", "\"formatVersion\" : 2", "\"formatVersion\" : 99");
        assertTrue(e.getMessage().contains("unsupported bundle format version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("reads format versions 1 to 2"), e.getMessage());
        assertTrue(e.getMessage().contains("future.zip"), e.getMessage());
    }

    @Test
    void brokenSchemaIsRefused(@TempDir Path dir) throws IOException {
        BundleFormatException e = refusedAfterRewrite(dir, bundle, "schema.zip", "\"FAVOR\"", "\"LIKE\"");
        assertTrue(e.getMessage().contains("stance labels must include FAVOR"), e.getMessage());
    }

    @Test
    void aManifestNamingASentenceEncoderIsRefused(@TempDir Path dir) throws IOException {
        BundleFormatException e = refusedAfterRewrite(dir, bundle, "encoder.zip",
                "\"sentenceEncoder\" : \"none\"", "\"sentenceEncoder\" : \"all-minilm-l6-v2-q\"");
        assertTrue(e.getMessage().contains("encoder.zip: manifest.json is invalid: sentenceEncoder must be none"),
                e.getMessage());
    }

    @Test
    void decisionBiasesOfTheWrongLengthOrNotFiniteAreRefused(@TempDir Path dir) throws IOException {
        FastModel biased = new FastModel(bundle.network(), bundle.encoder(),
                bundle.manifest().withDecisionBias(java.util.Map.of("stance_us", new double[] {1.5, 0, -1, 0})));
        BundleFormatException length = refusedAfterRewrite(dir, biased, "short.zip", "1.5, 0.0, -1.0, 0.0", "1.5, 0.0");
        assertTrue(length.getMessage().contains("decisionBias.stance_us must hold 4 numbers, got 2"), length.getMessage());
        BundleFormatException nan = refusedAfterRewrite(dir, biased, "nan.zip", "1.5, 0.0, -1.0, 0.0", "\"NaN\", 0.0, -1.0, 0.0");
        assertTrue(nan.getMessage().contains("decisionBias.stance_us holds NaN"), nan.getMessage());
    }

    @Test
    void entriesTheFormatDoesNotDefineAreRefused(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.zip");
        new BundleWriter().write(bundle, good);
        Path bad = dir.resolve("extra.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
             OutputStream file = Files.newOutputStream(bad); ZipOutputStream out = new ZipOutputStream(file)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("preprocessor.bin"));
            out.write(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
            out.closeEntry();
        }
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> new BundleReader().read(bad));
        assertTrue(e.getMessage().contains("unexpected entry 'preprocessor.bin'"), e.getMessage());
    }

    @Test
    void aFileThatIsNoBundleIsRefused(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "just text");
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> new BundleReader().read(text));
        assertTrue(e.getMessage().contains("notes.zip"), e.getMessage());
        assertThrows(BundleFormatException.class, () -> new BundleReader().read(dir.resolve("missing.zip")));
    }

    /**
     * Writes {@code model}, copies it to {@code badName} with {@code target} replaced by
     * {@code replacement} in its manifest, and returns the reader's refusal of the copy.
     */
    private static BundleFormatException refusedAfterRewrite(Path dir, FastModel model, String badName,
                                                             String target, String replacement) throws IOException {
        Path good = dir.resolve("written-" + badName);
        new BundleWriter().write(model, good);
        Path bad = dir.resolve(badName);
        rewriteManifest(good, bad, target, replacement);
        return assertThrows(BundleFormatException.class, () -> new BundleReader().read(bad));
    }

    /** Copies a bundle, replacing text in its manifest. */
    private static void rewriteManifest(Path from, Path to, String target, String replacement) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("manifest.json")) {
                    String json = new String(bytes, StandardCharsets.UTF_8);
                    assertTrue(json.contains(target), json);
                    bytes = json.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
