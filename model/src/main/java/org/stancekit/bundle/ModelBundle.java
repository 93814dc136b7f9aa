package org.stancekit.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.network.NetworkFactory;

/**
 * A trained model: network, encoder and manifest, read from or written to one zip file.
 * Predicting is the only thing it does; training and scoring articles live elsewhere.
 */
public final class ModelBundle {

    /** Sentences per forward pass: large enough to keep the BLAS kernels busy, small enough for cache. */
    public static final int BATCH_SIZE = 512;

    private final ComputationGraph network;
    private final FeatureEncoder encoder;
    private final Manifest manifest;
    /**
     * Per output (schema order, sentiment last), {@code exp} of the decision bias, or null; worked
     * out once, not per sentence.
     */
    private final double[][] headScale;

    /** Assembles a bundle; the network's heads must match the manifest's schema. */
    public ModelBundle(ComputationGraph network, FeatureEncoder encoder, Manifest manifest) {
        this.network = Objects.requireNonNull(network, "network");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        int heads = network.getNumOutputArrays();
        if (heads != manifest.schema().parties().size() + 1) {
            throw new IllegalArgumentException("network has " + heads + " outputs but the schema needs "
                    + (manifest.schema().parties().size() + 1));
        }
        List<String> names = NetworkFactory.outputs(manifest.schema());
        this.headScale = new double[names.size()][];
        for (int h = 0; h < names.size(); h++) {
            double[] bias = manifest.decisionBias().get(names.get(h));
            headScale[h] = bias == null ? null : scales(bias);
        }
    }

    /** Predicts every sentence, in order. */
    public List<Prediction> predict(List<String> sentences) {
        List<Prediction> out = new ArrayList<>(sentences.size());
        for (int from = 0; from < sentences.size(); from += BATCH_SIZE) {
            List<String> chunk = sentences.subList(from, Math.min(sentences.size(), from + BATCH_SIZE));
            out.addAll(predict(encoder.encode(chunk)));
        }
        return out;
    }

    /**
     * Predicts an encoded batch. DL4J graphs are not safe for concurrent use, so calls are
     * serialised; encode outside this method to keep other threads busy.
     */
    public List<Prediction> predict(EncodedBatch batch) {
        INDArray[] outputs;
        synchronized (network) {
            outputs = network.output(false, batch.inputs(), batch.masks());
        }
        int rows = (int) batch.features().size(0);
        float[][][] heads = new float[outputs.length][][];
        int width = 0;
        for (int h = 0; h < outputs.length; h++) {
            heads[h] = outputs[h].toFloatMatrix();
            width += (int) outputs[h].size(1);
        }
        List<Prediction> out = new ArrayList<>(rows);
        float[] row = new float[width];
        for (int r = 0; r < rows; r++) {
            int at = 0;
            for (float[][] head : heads) {
                System.arraycopy(head[r], 0, row, at, head[r].length);
                at += head[r].length;
            }
            out.add(prediction(row));
        }
        return out;
    }

    /**
     * One sentence's prediction from its probabilities, the heads concatenated in output order
     * (each party's stance labels, then the sentiment labels), with the manifest's decision biases
     * applied. The one place raw network output becomes a {@link Prediction}, so every scoring
     * path (this class, the batch pipeline) decides alike.
     */
    public Prediction prediction(float[] row) {
        LabelSchema schema = manifest.schema();
        int parties = schema.parties().size();
        int stanceClasses = schema.stances().size();
        List<Distribution> stances = new ArrayList<>(parties);
        for (int p = 0; p < parties; p++) {
            stances.add(new Distribution(schema.stances(), biased(row, p * stanceClasses, stanceClasses, p)));
        }
        return new Prediction(stances, new Distribution(schema.sentiments(),
                biased(row, parties * stanceClasses, schema.sentiments().size(), parties)));
    }

    private double[] biased(float[] row, int from, int length, int head) {
        double[] probabilities = new double[length];
        for (int i = 0; i < length; i++) {
            probabilities[i] = row[from + i];
        }
        if (headScale[head] != null) {
            rescale(probabilities, headScale[head]);
        }
        return probabilities;
    }

    /**
     * Reweights a probability row by {@code exp(bias)} and renormalises: a prior shift that moves
     * decisions toward classes the plain argmax under-predicts (rare stances), tuned for macro-F1.
     */
    public static void applyBias(double[] probabilities, double[] bias) {
        rescale(probabilities, scales(bias));
    }

    private static double[] scales(double[] bias) {
        double[] scale = new double[bias.length];
        for (int k = 0; k < bias.length; k++) {
            scale[k] = Math.exp(bias[k]);
        }
        return scale;
    }

    private static void rescale(double[] probabilities, double[] scale) {
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] *= scale[k];
            sum += probabilities[k];
        }
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] /= sum;
        }
    }

    /** The trained network (shared, not copied). */
    public ComputationGraph network() {
        return network;
    }

    /** The encoder the network was trained with. */
    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The bundle's manifest. */
    public Manifest manifest() {
        return manifest;
    }

    /** The label schema, from the manifest. */
    public LabelSchema schema() {
        return manifest.schema();
    }
}
