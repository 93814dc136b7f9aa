package org.stancekit.model;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.domain.Prediction;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.runtime.NativeThreads;
import org.stancekit.text.PartyLexicon;

/**
 * The fast model: a bag-of-features DL4J network with its feature encoder and manifest. Its
 * sentences are their feature indices ({@link FeatureEncoder#encode(String)}), its batches padded
 * and masked index matrices.
 */
public final class FastModel implements StanceModel<int[], EncodedBatch> {

    /** Sentences per forward pass at most. */
    public static final int BATCH_SIZE = 2048;
    /**
     * Feature slots per forward pass at most: 1,024 sentences of 64 features. Measured on two
     * cores, budgets from 32K to 64K cells ran fastest; below, per-call overhead shows; above,
     * padding and cache misses.
     */
    public static final int BATCH_CELLS = 65_536;

    private final ComputationGraph network;
    private final FeatureEncoder encoder;
    private final Manifest manifest;
    private final DecisionRule decisions;
    private final int width;

    /** Assembles a model; the network's heads must match the manifest's schema. */
    public FastModel(ComputationGraph network, FeatureEncoder encoder, Manifest manifest) {
        this.network = Objects.requireNonNull(network, "network");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        int heads = network.getNumOutputArrays();
        if (heads != manifest.schema().parties().size() + 1) {
            throw new IllegalArgumentException("network has " + heads + " outputs but the schema needs "
                    + (manifest.schema().parties().size() + 1));
        }
        this.decisions = new DecisionRule(manifest.schema(), manifest.decisionBias());
        this.width = DecisionRule.rowWidth(manifest.schema());
        NativeThreads.configure();
    }

    @Override
    public int[] encode(String sentence) {
        return encoder.encode(sentence);
    }

    @Override
    public int[][] plan(List<int[]> inputs, int maxRows, int maxCells) {
        int[] lengths = new int[inputs.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = inputs.get(i).length;
        }
        return BatchPlan.plan(lengths, maxRows, maxCells, false);
    }

    @Override
    public EncodedBatch pack(List<int[]> batch) {
        return EncodedBatch.pack(batch);
    }

    /**
     * One forward pass. DL4J graphs are not safe for concurrent use, so calls lock the network;
     * the rows are read from each head's buffer in one call ({@code INDArray.toFloatMatrix()} cost
     * ten times the forward pass itself, reading row by row).
     */
    @Override
    public float[][] forward(EncodedBatch batch) {
        NativeThreads.configureThisThread();
        INDArray[] outputs;
        synchronized (network) {
            outputs = network.output(false, new INDArray[] {batch.features()}, new INDArray[] {batch.mask()});
        }
        int rows = (int) batch.features().size(0);
        float[][] result = new float[rows][width];
        int column = 0;
        for (INDArray head : outputs) {
            int classes = (int) head.size(1);
            float[] flat = rowMajor(head);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(flat, r * classes, result[r], column, classes);
            }
            column += classes;
            close(head);
        }
        if (column != width) {
            throw new IllegalStateException("the network produced " + column + " probabilities per sentence, the schema needs " + width);
        }
        return result;
    }

    private static float[] rowMajor(INDArray head) {
        INDArray c = head.ordering() == 'c' && !head.isView() ? head : head.dup('c');
        float[] flat = c.data().asFloat();
        if (flat.length != c.length()) {
            // A buffer larger than its array (shared or pooled): copy the array alone.
            flat = c.dup('c').data().asFloat();
        }
        if (c != head) {
            close(c);
        }
        return flat;
    }

    /** Frees the batch's native memory now instead of when the garbage collector finds it. */
    @Override
    public void release(EncodedBatch batch) {
        close(batch.features());
        close(batch.mask());
    }

    private static void close(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
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

    /** The trained network (shared, not copied). */
    public ComputationGraph network() {
        return network;
    }

    /** The encoder the network was trained with. */
    public FeatureEncoder encoder() {
        return encoder;
    }

    @Override
    public PartyLexicon lexicon() {
        return encoder.lexicon();
    }

    @Override
    public Manifest manifest() {
        return manifest;
    }
}
