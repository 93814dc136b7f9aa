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
            outputs = network.output(false, new INDArray[] {batch.features()}, new INDArray[] {batch.mask()});
        }
        LabelSchema schema = manifest.schema();
        int rows = (int) batch.features().size(0);
        int parties = schema.parties().size();
        List<String> heads = NetworkFactory.outputs(schema);
        double[][][] probabilities = new double[heads.size()][][];
        for (int h = 0; h < heads.size(); h++) {
            probabilities[h] = outputs[h].toDoubleMatrix();
            double[] bias = manifest.decisionBias().get(heads.get(h));
            if (bias != null) {
                for (double[] row : probabilities[h]) {
                    applyBias(row, bias);
                }
            }
        }
        List<Prediction> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<Distribution> stances = new ArrayList<>(parties);
            for (int p = 0; p < parties; p++) {
                stances.add(new Distribution(schema.stances(), probabilities[p][r]));
            }
            out.add(new Prediction(stances, new Distribution(schema.sentiments(), probabilities[parties][r])));
        }
        return out;
    }

    /**
     * Reweights a probability row by {@code exp(bias)} and renormalises: a prior shift that moves
     * decisions toward classes the plain argmax under-predicts (rare stances), tuned for macro-F1.
     */
    public static void applyBias(double[] probabilities, double[] bias) {
        double sum = 0;
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] *= Math.exp(bias[k]);
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
