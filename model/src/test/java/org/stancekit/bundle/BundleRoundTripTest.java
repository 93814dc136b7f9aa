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

class BundleRoundTripTest {

    private static ModelBundle bundle;

    @BeforeAll
    static void train() {
        bundle = TinyModels.trained(42);
    }

    @Test
    void savedAndLoadedBundlePredictsIdentically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.zip");
        new BundleWriter().write(bundle, file);
        ModelBundle loaded = new BundleReader().read(file);

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
        ModelBundle biased = new ModelBundle(bundle.network(), bundle.encoder(),
                bundle.manifest().withDecisionBias(java.util.Map.of("stance_us", new double[] {1.5, 0, -1, 0})));
        Path file = dir.resolve("biased.zip");
        new BundleWriter().write(biased, file);
        ModelBundle loaded = new BundleReader().read(file);
        assertEquals(biased.manifest(), loaded.manifest());
        assertNotEquals(bundle.manifest(), loaded.manifest());
        List<Prediction> plain = bundle.predict(TinyModels.sentences());
        List<Prediction> shifted = loaded.predict(TinyModels.sentences());
        for (int i = 0; i < plain.size(); i++) {
            double[] expected = plain.get(i).stances().get(0).probabilities();
            ModelBundle.applyBias(expected, new double[] {1.5, 0, -1, 0});
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
        BundleFormatException e = refusedAfterRewrite(dir, bundle, "future.zip", "\"formatVersion\" : 1", "\"formatVersion\" : 99");
        assertTrue(e.getMessage().contains("unsupported bundle format version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("reads format version 1"), e.getMessage());
        assertTrue(e.getMessage().contains("future.zip"), e.getMessage());
    }

    @Test
    void brokenSchemaIsRefused(@TempDir Path dir) throws IOException {
        BundleFormatException e = refusedAfterRewrite(dir, bundle, "schema.zip", "\"FAVOR\"", "\"LIKE\"");
        assertTrue(e.getMessage().contains("stance labels must include FAVOR"), e.getMessage());
    }

    @Test
    void aManifestNamingASentenceEncoderTheNetworkDoesNotReadIsRefused(@TempDir Path dir) throws IOException {
        BundleFormatException e = refusedAfterRewrite(dir, bundle, "encoder.zip",
                "\"sentenceEncoder\" : \"none\"", "\"sentenceEncoder\" : \"all-minilm-l6-v2-q\"");
        assertTrue(e.getMessage().contains("encoder.zip: the network has 1 inputs but the manifest's "
                + "features.sentenceEncoder=all-minilm-l6-v2-q needs 2 inputs"), e.getMessage());
    }

    @Test
    void aManifestNamingAnEncoderOfAnotherWidthIsRefused(@TempDir Path dir) throws IOException {
        ModelBundle parties = TinyModels.withPartyVectors(42);
        Path good = dir.resolve("parties.zip");
        new BundleWriter().write(parties, good);
        assertEquals(5 * 384, new BundleReader().read(good).encoder().sentenceWidth(), "the bundle as written reads");

        BundleFormatException e = refusedAfterRewrite(dir, parties, "sentence.zip",
                "\"sentenceEncoder\" : \"all-minilm-l6-v2-q-parties\"", "\"sentenceEncoder\" : \"all-minilm-l6-v2-q\"");
        assertTrue(e.getMessage().contains("sentence.zip: the network does not read the inputs that the manifest's "
                + "features.sentenceEncoder=all-minilm-l6-v2-q gives it, 2 inputs (the features and 384-wide vectors)"),
                e.getMessage());
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
    private static BundleFormatException refusedAfterRewrite(Path dir, ModelBundle model, String badName,
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
