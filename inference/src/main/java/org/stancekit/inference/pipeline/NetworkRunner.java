package org.stancekit.inference.pipeline;

import org.stancekit.runtime.NativeThreads;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;

/**
 * The forward pass, as {@link ModelBundle#predict(EncodedBatch)} does it, but returning plain
 * probability rows: reading a whole output matrix at once costs a fraction of reading it row by
 * row, which mattered because the network is the one stage that cannot run in parallel.
 *
 * <p>A row holds, for one sentence, every party's stance probabilities (schema order, labels in
 * schema order), then the sentiment probabilities. Calls lock the network object itself, the same
 * monitor {@code ModelBundle.predict} holds, because DL4J graphs are not safe for concurrent use;
 * any number of threads may share a runner, and they take turns.
 */
public final class NetworkRunner {

    private final ModelBundle bundle;
    private final ComputationGraph network;
    private final int width;

    /** A runner over a bundle's network. */
    public NetworkRunner(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        NativeThreads.configure();
        this.bundle = bundle;
        this.network = bundle.network();
        LabelSchema schema = bundle.schema();
        this.width = schema.parties().size() * schema.stances().size() + schema.sentiments().size();
    }

    /** Probability rows of a packed batch, in one forward pass. */
    public float[][] forward(EncodedBatch batch) {
        NativeThreads.configureThisThread();
        INDArray[] outputs;
        synchronized (network) {
            outputs = network.output(false, batch.inputs(), batch.masks());
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
            release(head);
        }
        if (column != width) {
            throw new IllegalStateException("the network produced " + column + " probabilities per sentence, the schema needs " + width);
        }
        return result;
    }

    /**
     * The values of a [rows, classes] array in row-major order. Read from the buffer in one call:
     * {@code INDArray.toFloatMatrix()} cost ten times the forward pass itself (measured), as it
     * reads row by row.
     */
    private static float[] rowMajor(INDArray head) {
        INDArray c = head.ordering() == 'c' && !head.isView() ? head : head.dup('c');
        float[] flat = c.data().asFloat();
        if (flat.length != c.length()) {
            // A buffer larger than its array (shared or pooled): copy the array alone.
            flat = c.dup('c').data().asFloat();
        }
        if (c != head) {
            release(c);
        }
        return flat;
    }

    /** Frees an array's native memory now instead of when the garbage collector finds it. */
    static void release(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }

    /** Frees a packed batch's native memory now. */
    public static void release(EncodedBatch batch) {
        release(batch.features());
        release(batch.mask());
        release(batch.sentences());
    }

    /** A probability row as a prediction, decision biases applied: {@link ModelBundle#prediction(float[])}. */
    public Prediction prediction(float[] row) {
        return bundle.prediction(row);
    }

    /** Probabilities per sentence row. */
    public int width() {
        return width;
    }
}
