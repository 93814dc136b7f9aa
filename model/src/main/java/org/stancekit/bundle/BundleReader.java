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
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.model.TransformerSpec;
import org.stancekit.model.Manifest;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.features.Vocabulary;
import org.stancekit.model.FastModel;
import org.stancekit.model.StanceModel;
import org.stancekit.network.NetworkFactory;
import org.stancekit.runtime.Json;
import org.stancekit.text.PartyLexicon;
import org.stancekit.transformer.BaseEncoder;
import org.stancekit.transformer.EncoderWeights;
import org.stancekit.transformer.TransformerModel;

/**
 * Reads and validates a bundle of either kind. A bundle is untrusted input: only the entries its
 * format defines are read, each up to a size cap (a zip bomb is refused, not inflated), the
 * manifest is validated before anything else is loaded, and nothing in it is deserialised as a
 * Java object (of DL4J's {@code network.zip}, only the configuration and the coefficients are
 * passed on). Every refusal is a {@link BundleFormatException} that names the file and the problem.
 */
public final class BundleReader {

    /** Class-path location of the default model (the fine-tuned transformer). */
    public static final String DEFAULT_RESOURCE = "/org/stancekit/bundle/default-model.zip";
    /** Class-path location of the fast model. */
    public static final String FAST_RESOURCE = "/org/stancekit/bundle/fast-model.zip";
    /** {@code --model} names of the shipped models. */
    public static final Map<String, String> SHIPPED = Map.of("default", DEFAULT_RESOURCE, "fast", FAST_RESOURCE);

    private static final Set<String> ENTRIES = Set.of(BundleWriter.MANIFEST, BundleWriter.NETWORK,
            BundleWriter.VOCABULARY, BundleWriter.LEXICON, BundleWriter.WEIGHTS);

    /** Reads a bundle file. */
    public StanceModel<?, ?> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BundleFormatException(file + ": no such model bundle");
        }
    }

    /** Reads a fast model's bundle file; a transformer bundle is refused. */
    public FastModel readFast(Path file) throws IOException {
        StanceModel<?, ?> model = read(file);
        if (model instanceof FastModel fast) {
            return fast;
        }
        model.close();
        throw new BundleFormatException(file + ": a transformer model, where a fast model is needed");
    }

    /** Reads the model that ships with StanceKit as its default (the fine-tuned transformer). */
    public StanceModel<?, ?> readDefault() throws IOException {
        return readShipped("default");
    }

    /** Reads a shipped model by name: {@code default} or {@code fast}. */
    public StanceModel<?, ?> readShipped(String name) throws IOException {
        String resource = SHIPPED.get(name);
        if (resource == null) {
            throw new BundleFormatException("no shipped model named '" + name + "' (shipped: " + SHIPPED.keySet() + ")");
        }
        try (InputStream in = BundleReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BundleFormatException("the shipped model " + resource + " is missing from the class path");
            }
            return read(in, "shipped " + name + " model");
        }
    }

    /**
     * Reads {@code --model}: a shipped model's name ({@code default}, {@code fast}), a bundle
     * file, or the default model when {@code null}.
     */
    public StanceModel<?, ?> readOrDefault(String model) throws IOException {
        if (model == null) {
            return readDefault();
        }
        if (SHIPPED.containsKey(model) && !Files.exists(Path.of(model))) {
            return readShipped(model);
        }
        return read(Path.of(model));
    }

    /** Reads only the manifest of a bundle file, validating it. */
    public Manifest readManifest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parseManifest(entries(in, file.toString(), new Inflation()), file.toString());
        }
    }

    /** Reads a bundle from a stream; {@code origin} names it in error messages. */
    public StanceModel<?, ?> read(InputStream in, String origin) throws IOException {
        Inflation inflation = new Inflation();
        Map<String, byte[]> entries = entries(in, origin, inflation);
        Manifest manifest = parseManifest(entries, origin);
        int threads = threads();
        try {
            PartyLexicon lexicon = PartyLexicon.read(new StringReader(new String(require(entries, BundleWriter.LEXICON, origin),
                    StandardCharsets.UTF_8)), origin + "!" + BundleWriter.LEXICON);
            return manifest.describesTransformer() ? readTransformer(entries, manifest, lexicon, origin, threads)
                    : readFast(entries, manifest, lexicon, origin, inflation);
        } catch (BundleFormatException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // An entry that does not parse: its own reader says what is wrong, the bundle's name goes first.
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new BundleFormatException(message.startsWith(origin) ? message
                    : origin + (message.startsWith(BundleWriter.WEIGHTS) ? "!" : ": ") + message, e);
        }
    }

    private static TransformerModel readTransformer(Map<String, byte[]> entries, Manifest manifest, PartyLexicon lexicon,
                                                    String origin, int threads) throws IOException {
        TransformerSpec spec = manifest.transformer();
        EncoderWeights weights = EncoderWeights.read(BaseEncoder.named(spec.base()));
        if (spec.layers() > weights.layers()) {
            throw new BundleFormatException(origin + ": transformer.layers=" + spec.layers() + " but " + spec.base()
                    + " has " + weights.layers() + " layers");
        }
        return TransformerModel.create(manifest, weights, require(entries, BundleWriter.WEIGHTS, origin), lexicon, threads);
    }

    /**
     * ONNX Runtime's threads per forward pass: {@code -Dstancekit.encoderThreads=N}, else one per
     * core (the forward pass is most of the transformer's cost, and the other stages have slack).
     */
    static int threads() {
        String chosen = System.getProperty("stancekit.encoderThreads");
        if (chosen != null) {
            try {
                int n = Integer.parseInt(chosen.strip());
                if (n >= 1 && n <= 256) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("-Dstancekit.encoderThreads must be a number in 1..256, got " + chosen);
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static FastModel readFast(Map<String, byte[]> entries, Manifest manifest, PartyLexicon lexicon, String origin,
                                      Inflation inflation) throws IOException {
        Vocabulary vocabulary;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(require(entries, BundleWriter.VOCABULARY, origin)), StandardCharsets.UTF_8))) {
            vocabulary = Vocabulary.read(r, origin + "!" + BundleWriter.VOCABULARY);
        }
        ComputationGraph network = new NetworkReader(inflation)
                .read(require(entries, BundleWriter.NETWORK, origin), origin + "!" + BundleWriter.NETWORK);
        FeatureEncoder encoder = new FeatureEncoder(manifest.features(), lexicon, vocabulary);
        checkNetwork(network, manifest, encoder, origin);
        return new FastModel(network, encoder, manifest);
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
        if (network.getConfiguration().getNetworkInputs().size() != 1) {
            throw new BundleFormatException(origin + ": the network has " + network.getConfiguration().getNetworkInputs().size()
                    + " inputs; a fast model reads one (the features)");
        }
        var layer = network.getLayer("embedding");
        if (layer == null || !(layer.conf().getLayer() instanceof EmbeddingSequenceLayer embedding)) {
            throw new BundleFormatException(origin + ": the network has no embedding layer named 'embedding'");
        }
        if (embedding.getNIn() != vocabulary.size()) {
            throw new BundleFormatException(origin + ": the network embeds " + embedding.getNIn()
                    + " features but the vocabulary has " + vocabulary.size());
        }
        // One forward pass over an all-empty row finds any other mismatch here, not at the first sentence scored.
        EncodedBatch probe = EncodedBatch.pack(List.of(new int[] {Vocabulary.EMPTY}));
        INDArray[] probed;
        try {
            probed = network.output(false, new INDArray[] {probe.features()}, new INDArray[] {probe.mask()});
        } catch (RuntimeException e) {
            throw new BundleFormatException(origin + ": the network does not read the manifest's features: " + e.getMessage(), e);
        }
        // Finite weights can still give NaN (an activation's parameter set to NaN in the configuration).
        for (INDArray output : probed) {
            if (!NetworkReader.finite(output)) {
                throw new BundleFormatException(origin + ": the network's outputs are not finite numbers");
            }
        }
    }

    private static Manifest parseManifest(Map<String, byte[]> entries, String origin) throws BundleFormatException {
        byte[] json = require(entries, BundleWriter.MANIFEST, origin);
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new BundleFormatException(origin + ": manifest.json is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt()) {
            throw new BundleFormatException(origin + ": manifest.json has no integer formatVersion");
        }
        if (version.intValue() < Manifest.OLDEST_FORMAT_VERSION || version.intValue() > Manifest.FORMAT_VERSION) {
            throw new BundleFormatException(origin + ": unsupported bundle format version " + version.intValue()
                    + "; this StanceKit reads format versions " + Manifest.OLDEST_FORMAT_VERSION + " to "
                    + Manifest.FORMAT_VERSION);
        }
        try {
            return Json.MAPPER.treeToValue(tree, Manifest.class);
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

    private static Map<String, byte[]> entries(InputStream in, String origin, Inflation inflation) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        Inflation.Counted compressed = new Inflation.Counted(in);
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!ENTRIES.contains(entry.getName())) {
                    throw new BundleFormatException(origin + ": unexpected entry '" + entry.getName()
                            + "' in the bundle (a bundle holds only " + ENTRIES + ")");
                }
                if (entries.containsKey(entry.getName())) {
                    throw new BundleFormatException(origin + ": entry '" + entry.getName() + "' appears twice");
                }
                entries.put(entry.getName(), inflation.read(zip, origin + "!" + entry.getName(), compressed));
            }
        } catch (BundleFormatException e) {
            throw e;
        } catch (ZipException e) {
            throw new BundleFormatException(origin + ": not a zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            // A bundle cut short (a partial download or copy) ends inside an entry.
            throw new BundleFormatException(origin + ": truncated or damaged bundle (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not UTF-8 (found by BundleFuzzTest).
            throw new BundleFormatException(origin + ": damaged bundle (an entry name is not valid text: "
                    + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new BundleFormatException(origin + ": not a StanceKit model bundle (empty or not a zip file)");
        }
        return entries;
    }
}
