package org.stancekit.transformer;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.model.Manifest;
import org.stancekit.model.TransformerSpec;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;
import org.stancekit.model.BatchPlan;
import org.stancekit.model.DecisionRule;
import org.stancekit.model.StanceModel;
import org.stancekit.text.PartyLexicon;

/**
 * The transformer model for scoring: the fine-tuned encoder on ONNX Runtime ({@link OrtEncoder}),
 * the heads in Java ({@link HeadWeights}), and each head's calibrated softmax (its logits divided
 * by the temperature fitted on dev). Sentences are padded to a multiple of
 * {@value TransformerNetwork#LENGTH_STEP} word pieces and batched with others of the same padded
 * length only, so a sentence's probabilities never depend on its batch-mates.
 */
public final class TransformerModel implements StanceModel<SentenceTokens, TransformerModel.Batch> {

    /** Sentences per forward pass when predicting. */
    public static final int BATCH_SIZE = 64;
    /** Sentences × padded length per forward pass when predicting. */
    public static final int BATCH_CELLS = 4096;

    /**
     * A packed batch: sentences of one padded length.
     *
     * @param sentences the batch
     * @param length their padded length
     */
    public record Batch(List<SentenceTokens> sentences, int length) {
    }

    private final Manifest manifest;
    private final TransformerFeaturizer featurizer;
    private final OrtEncoder encoder;
    private final HeadWeights heads;
    private final byte[] weightsFile;
    private final double[] temperatures;
    private final DecisionRule decisions;

    private TransformerModel(Manifest manifest, TransformerFeaturizer featurizer, OrtEncoder encoder, HeadWeights heads,
                             byte[] weightsFile) {
        this.manifest = manifest;
        this.featurizer = featurizer;
        this.encoder = encoder;
        this.heads = heads;
        this.weightsFile = weightsFile;
        List<String> names = manifest.schema().heads();
        this.temperatures = new double[names.size()];
        for (int h = 0; h < names.size(); h++) {
            temperatures[h] = manifest.temperatures().getOrDefault(names.get(h), 1.0);
        }
        this.decisions = new DecisionRule(manifest.schema(), manifest.decisionBias());
    }

    /**
     * Assembles a model from its weights file.
     *
     * @param manifest its manifest (kind {@code transformer})
     * @param base the base encoder's pretrained weights, whose SHA-256 the manifest must name
     * @param weightsFile every fine-tuned tensor ({@link #tensorShapes}) as {@link WeightsFile} stores it
     * @param lexicon the party lexicon the model was trained with
     * @param threads ONNX Runtime's threads per forward pass
     * @throws IOException when the weights file does not fit the manifest or the base encoder
     */
    public static TransformerModel create(Manifest manifest, EncoderWeights base, byte[] weightsFile,
                                          PartyLexicon lexicon, int threads) throws IOException {
        TransformerSpec spec = manifest.transformer();
        if (!base.sha256().equals(spec.sha256())) {
            throw new IOException("the model was fine-tuned from " + spec.base() + " weights with SHA-256 "
                    + spec.sha256() + ", but " + spec.coordinates() + " on this machine holds weights with SHA-256 "
                    + base.sha256() + "; the fine-tuned deltas fit only the original weights");
        }
        Map<String, float[]> weights = WeightsFile.read(weightsFile,
                tensorShapes(base, spec.layers(), manifest.schema(), spec.markers()), base.tensors(), "weights.bin");
        int width = base.hidden();
        List<float[]> w = new java.util.ArrayList<>();
        List<float[]> b = new java.util.ArrayList<>();
        int parties = manifest.schema().parties().size();
        for (int h = 0; h <= parties; h++) {
            w.add(weights.get("head." + h + ".weight"));
            b.add(weights.get("head." + h + ".bias"));
        }
        Map<String, float[]> encoderWeights = new LinkedHashMap<>();
        for (String name : EncoderGraph.trainableNames(spec.layers())) {
            encoderWeights.put(name, weights.get(name));
        }
        TransformerFeaturizer featurizer = new TransformerFeaturizer(lexicon, manifest.schema().parties(),
                new WordPieceTokenizer(BaseEncoder.named(spec.base()), spec.maxTokens()));
        OrtEncoder encoder = null;
        try {
            encoder = new OrtEncoder(OnnxExport.export(base, spec.layers(), encoderWeights, spec.markers()),
                    threads, spec.markers() ? weights.get(StanceGraph.MARKER_TABLE) : null, width);
            return new TransformerModel(manifest, featurizer, encoder, new HeadWeights(w, b, width, spec.mentionPooling()),
                    weightsFile);
        } catch (OrtException | RuntimeException e) {
            featurizer.close();
            if (encoder != null) {
                try {
                    encoder.close();
                } catch (OrtException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            // A bundle is untrusted input: whatever fails here is reported as a bad bundle, not a crash.
            throw new IOException((e instanceof OrtException ? "ONNX Runtime cannot load the fine-tuned encoder: "
                    : "the fine-tuned model cannot be built: ") + e.getMessage(), e);
        }
    }

    /**
     * The tensors a transformer model's bundle stores, with their shapes: the encoder's trainable
     * weights (all but the embedding tables) of the layers it uses, and the heads.
     */
    public static Map<String, long[]> tensorShapes(EncoderWeights base, int layers, LabelSchema schema, boolean markers) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String name : EncoderGraph.trainableNames(layers)) {
            shapes.put(name, base.shapes().get(name));
        }
        int width = base.hidden();
        int parties = schema.parties().size();
        for (int h = 0; h <= parties; h++) {
            int classes = h < parties ? schema.stances().size() : schema.sentiments().size();
            shapes.put("head." + h + ".weight", new long[] {h < parties ? 2L * width + 1 : width, classes});
            shapes.put("head." + h + ".bias", new long[] {classes});
        }
        if (markers) {
            shapes.put(StanceGraph.MARKER_TABLE, new long[] {parties, width});
        }
        return shapes;
    }

    @Override
    public SentenceTokens encode(String sentence) {
        return featurizer.featurize(sentence);
    }

    @Override
    public int[][] plan(List<SentenceTokens> inputs, int maxRows, int maxCells) {
        int[] lengths = new int[inputs.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = TransformerNetwork.paddedLength(inputs.get(i).length());
        }
        return BatchPlan.plan(lengths, maxRows, maxCells, true);
    }

    @Override
    public Batch pack(List<SentenceTokens> batch) {
        int length = TransformerNetwork.paddedLength(batch.get(0).length());
        for (SentenceTokens s : batch) {
            if (TransformerNetwork.paddedLength(s.length()) != length) {
                throw new IllegalArgumentException("a batch holds sentences of one padded length");
            }
        }
        return new Batch(List.copyOf(batch), length);
    }

    /** Every head's logits, per sentence of the batch: what calibration fits temperatures on. */
    public float[][][] logits(Batch batch) {
        float[][][] states;
        try {
            states = encoder.states(batch.sentences(), batch.length());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch: " + e.getMessage(), e);
        }
        float[][][] out = new float[states.length][][];
        for (int i = 0; i < states.length; i++) {
            out[i] = heads.logits(states[i], batch.sentences().get(i));
        }
        return out;
    }

    /** Every head's logits for already-encoded sentences, in order: what calibration is fitted on. */
    public float[][][] logitsOf(List<SentenceTokens> inputs) {
        float[][][] out = new float[inputs.size()][][];
        forEachBatch(inputs, (batch, packed) -> {
            float[][][] logits = logits(packed);
            for (int k = 0; k < batch.length; k++) {
                out[batch[k]] = logits[k];
            }
        });
        return out;
    }

    @Override
    public float[][] forward(Batch batch) {
        float[][][] logits = logits(batch);
        int width = DecisionRule.rowWidth(manifest.schema());
        float[][] rows = new float[logits.length][width];
        for (int i = 0; i < logits.length; i++) {
            int at = 0;
            for (int h = 0; h < logits[i].length; h++) {
                Calibration.softmax(logits[i][h], temperatures[h], rows[i], at);
                at += logits[i][h].length;
            }
        }
        return rows;
    }

    @Override
    public void release(Batch batch) {
        // Nothing native is held between pack and forward.
    }

    @Override
    public Prediction prediction(float[] row) {
        return decisions.prediction(row);
    }

    @Override
    public int defaultBatchRows() {
        return BATCH_SIZE;
    }

    @Override
    public int defaultBatchCells() {
        return BATCH_CELLS;
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }

    /** The weights file this model was decoded from, as its bundle stores it. */
    public byte[] weightsFile() {
        return weightsFile.clone();
    }

    /**
     * Encodes fine-tuned weights as a weights file ({@link WeightsFile}: deltas from the base).
     *
     * @param weights every tensor of {@link #tensorShapes}
     */
    public static byte[] weightsFile(Map<String, float[]> weights, EncoderWeights base, int layers, LabelSchema schema,
                                     boolean markers) throws IOException {
        return WeightsFile.write(weights, tensorShapes(base, layers, schema, markers), base.tensors());
    }

    /** The party lexicon. */
    @Override
    public PartyLexicon lexicon() {
        return featurizer.lexicon();
    }

    /**
     * A copy with another manifest (calibration, decision biases, metrics), sharing the loaded
     * engine: closing either closes the engine of both, so keep one of them.
     */
    public TransformerModel withManifest(Manifest other) {
        return new TransformerModel(other, featurizer, encoder, heads, weightsFile);
    }

    /** Releases the ONNX Runtime session and the tokenizer; a second call does nothing. */
    @Override
    public void close() {
        try {
            featurizer.close();
        } finally {
            try {
                encoder.close();
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not release its session: " + e.getMessage(), e);
            }
        }
    }
}
