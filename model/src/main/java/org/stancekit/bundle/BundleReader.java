package org.stancekit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.features.Vocabulary;
import org.stancekit.network.NetworkFactory;
import org.stancekit.text.PartyLexicon;

/**
 * Reads and validates a bundle. The manifest is checked before anything else is loaded: an
 * unknown format version, a broken schema or a network that does not match its vocabulary is
 * refused with a {@link BundleFormatException} that names the file and the problem.
 */
public final class BundleReader {

    /** Class-path location of the model that ships with StanceKit. */
    public static final String DEFAULT_RESOURCE = "/org/stancekit/bundle/default-model.zip";

    /** Reads a bundle file. */
    public ModelBundle read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BundleFormatException(file + ": no such model bundle");
        }
    }

    /** Reads the model that ships with StanceKit. */
    public ModelBundle readDefault() throws IOException {
        try (InputStream in = BundleReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new BundleFormatException("the embedded default model " + DEFAULT_RESOURCE
                        + " is missing from the class path");
            }
            return read(in, "embedded default model");
        }
    }

    /** Reads {@code file}, or the embedded default model when {@code file} is {@code null}. */
    public ModelBundle readOrDefault(Path file) throws IOException {
        return file == null ? readDefault() : read(file);
    }

    /** Reads only the manifest of a bundle file, validating it. */
    public Manifest readManifest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parseManifest(entries(in, file.toString()), file.toString());
        }
    }

    /** Reads a bundle from a stream; {@code origin} names it in error messages. */
    public ModelBundle read(InputStream in, String origin) throws IOException {
        Map<String, byte[]> entries = entries(in, origin);
        Manifest manifest = parseManifest(entries, origin);
        Vocabulary vocabulary;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(require(entries, BundleWriter.VOCABULARY, origin)), StandardCharsets.UTF_8))) {
            vocabulary = Vocabulary.read(r, origin + "!" + BundleWriter.VOCABULARY);
        }
        PartyLexicon lexicon;
        try {
            lexicon = PartyLexicon.read(new StringReader(new String(require(entries, BundleWriter.LEXICON, origin),
                    StandardCharsets.UTF_8)), origin + "!" + BundleWriter.LEXICON);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), e);
        }
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(require(entries, BundleWriter.NETWORK, origin)), false);
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(origin + ": the network in " + BundleWriter.NETWORK
                    + " cannot be read: " + e.getMessage(), e);
        }
        FeatureEncoder encoder = new FeatureEncoder(manifest.features(), lexicon, vocabulary);
        checkNetwork(network, manifest, encoder, origin);
        return new ModelBundle(network, encoder, manifest);
    }

    private static void checkNetwork(ComputationGraph network, Manifest manifest, FeatureEncoder encoder, String origin)
            throws BundleFormatException {
        Vocabulary vocabulary = encoder.vocabulary();
        var outputs = network.getConfiguration().getNetworkOutputs();
        var expected = NetworkFactory.outputs(manifest.schema());
        if (!outputs.equals(expected)) {
            throw new BundleFormatException(origin + ": the network's outputs " + outputs
                    + " do not match the manifest's schema, which needs " + expected);
        }
        var embedding = (EmbeddingSequenceLayer) network.getLayer("embedding").conf().getLayer();
        if (embedding.getNIn() != vocabulary.size()) {
            throw new BundleFormatException(origin + ": the network embeds " + embedding.getNIn()
                    + " features but the vocabulary has " + vocabulary.size());
        }
        checkInputs(network, manifest, encoder, origin);
    }

    /**
     * Checks that the network reads what the manifest's feature settings produce: one input, or two
     * when it names a sentence encoder, the second as wide as that encoder's vectors. A mismatch
     * (a hand-edited manifest) would otherwise fail inside DL4J at the first sentence scored; a
     * forward pass over one all-zero row finds it here, at no cost worth counting.
     */
    private static void checkInputs(ComputationGraph network, Manifest manifest, FeatureEncoder encoder, String origin)
            throws BundleFormatException {
        int inputs = network.getConfiguration().getNetworkInputs().size();
        int width = encoder.sentenceWidth();
        String encoderName = manifest.features().sentenceEncoder();
        String needs = width == 0 ? "1 input (the features)" : "2 inputs (the features and " + width + "-wide vectors)";
        if (inputs != (width == 0 ? 1 : 2)) {
            throw new BundleFormatException(origin + ": the network has " + inputs + " inputs but the manifest's "
                    + "features.sentenceEncoder=" + encoderName + " needs " + needs);
        }
        EncodedBatch probe = FeatureEncoder.batch(List.of(new int[] {Vocabulary.EMPTY}),
                width == 0 ? null : List.of(new float[width]));
        try {
            network.output(false, probe.inputs(), probe.masks());
        } catch (RuntimeException e) {
            throw new BundleFormatException(origin + ": the network does not read the inputs that the manifest's "
                    + "features.sentenceEncoder=" + encoderName + " gives it, " + needs + ": " + e.getMessage(), e);
        }
    }

    private static Manifest parseManifest(Map<String, byte[]> entries, String origin) throws BundleFormatException {
        byte[] json = require(entries, BundleWriter.MANIFEST, origin);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new BundleFormatException(origin + ": manifest.json is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw new BundleFormatException(origin + ": manifest.json has no integer formatVersion");
        }
        if (version.intValue() != Manifest.FORMAT_VERSION) {
            throw new BundleFormatException(origin + ": unsupported bundle format version " + version.intValue()
                    + "; this StanceKit reads format version " + Manifest.FORMAT_VERSION);
        }
        try {
            return Json.mapper().treeToValue(tree, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new BundleFormatException(origin + ": manifest.json is invalid: " + root.getMessage(), e);
        }
    }

    private static byte[] require(Map<String, byte[]> entries, String name, String origin) throws BundleFormatException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new BundleFormatException(origin + ": not a StanceKit model bundle (no " + name + " inside)");
        }
        return bytes;
    }

    private static Map<String, byte[]> entries(InputStream in, String origin) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (ZipException e) {
            throw new BundleFormatException(origin + ": not a zip file (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new BundleFormatException(origin + ": not a StanceKit model bundle (empty or not a zip file)");
        }
        return entries;
    }
}
