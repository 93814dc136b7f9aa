package org.stancekit.transformer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole stance network in SameDiff: the {@link EncoderGraph} and, on top, target-aware heads.
 *
 * <p>Pooling reads the encoder's output twice per party: the mean over the whole sentence (the
 * way the base encoder was trained to summarise a sentence) and the mean over the word pieces
 * where the party is named ({@link SentenceTokens#mentions()}; zeros and an "absent" flag when the
 * lexicon finds no name, so the head must judge implicit references from the sentence alone). Party
 * {@code k}'s stance head is a linear layer over {@code [sentence, mention_k, absent_k]}; the
 * sentiment head a linear layer over the sentence vector. Optionally (entity markers) a learned
 * vector per party is added to the input embeddings at its mentions, so every layer knows which
 * words name which party; it starts at zero, so the network starts as the pretrained encoder.
 *
 * <p>Pooling is one batched product of a {@code [batch, 1 + parties, length]} weight tensor
 * (built by {@link BatchTensors}, 0 on padding) with the hidden states, so padding never reaches a
 * head. Outputs are logits; probabilities, temperature and decisions are applied in Java by the
 * caller, so calibration needs no second graph.
 */
public final class StanceGraph {

    /** Placeholder of the pooling weights, {@code [batch, 1 + parties, length]}. */
    public static final String POOL = "pool_weights";
    /** Placeholder of the hidden states' 3-D shape (int64: batch, length, width). */
    public static final String HIDDEN_SHAPE = "hidden_shape";
    /** Placeholder of the entity markers' one-hot positions, {@code [tokens, parties]}. */
    public static final String MARKERS = "markers";
    /** Name of the entity marker table. */
    public static final String MARKER_TABLE = "head.markers";
    /** Name of the summed training loss. */
    public static final String LOSS = "loss";

    private StanceGraph() {
    }

    /** Placeholder of party {@code k}'s "not named" flag, {@code [batch, 1]}. */
    public static String absent(int k) {
        return "absent_" + k;
    }

    /** Output name of head {@code h}'s logits (parties 0..K-1, then sentiment at K). */
    public static String logits(int h) {
        return "logits_" + h;
    }

    /** Placeholder of head {@code h}'s one-hot labels (training only). */
    public static String labels(int h) {
        return "labels_" + h;
    }

    /** Placeholder of head {@code h}'s per-example loss weights, rank 1 (training only). */
    public static String weights(int h) {
        return "weights_" + h;
    }

    /** The heads' variable names, in a fixed order (the head learning rate applies to these). */
    public static List<String> headNames(int parties, boolean markers) {
        List<String> names = new ArrayList<>();
        for (int h = 0; h <= parties; h++) {
            names.add("head." + h + ".weight");
            names.add("head." + h + ".bias");
        }
        if (markers) {
            names.add(MARKER_TABLE);
        }
        return names;
    }

    /**
     * Builds the network.
     *
     * @param encoder pretrained encoder weights
     * @param heads attention heads
     * @param layers encoder layers used
     * @param parties number of parties (stance heads)
     * @param stanceClasses classes per stance head
     * @param sentimentClasses classes of the sentiment head
     * @param markers whether to add entity markers
     * @param withLoss whether to add the training loss and its label placeholders
     * @param seed seed of the heads' initial weights
     */
    public static SameDiff build(EncoderWeights encoder, int heads, int layers, int parties, int stanceClasses,
                                 int sentimentClasses, boolean markers, boolean withLoss, long seed) {
        SameDiff sd = SameDiff.create();
        int width = encoder.hidden();
        SDVariable markerInput = null;
        if (markers) {
            SDVariable positions = sd.placeHolder(MARKERS, DataType.FLOAT, -1, parties);
            SDVariable table = sd.var(MARKER_TABLE, Nd4j.zeros(DataType.FLOAT, parties, width));
            markerInput = sd.mmul(positions, table);
        }
        SDVariable hidden = EncoderGraph.build(sd, encoder, heads, layers, markerInput);
        SDVariable hidden3d = sd.reshape(hidden, sd.placeHolder(HIDDEN_SHAPE, DataType.INT64, 3));
        SDVariable pooled = sd.mmul(sd.placeHolder(POOL, DataType.FLOAT, -1, parties + 1, -1), hidden3d);
        SDVariable[] vectors = sd.unstack(pooled, 1, parties + 1);
        SDVariable sentence = vectors[0];
        java.util.Random rng = new java.util.Random(seed);
        SDVariable loss = null;
        for (int h = 0; h <= parties; h++) {
            boolean stance = h < parties;
            SDVariable in = stance
                    ? sd.concat(1, sentence, vectors[h + 1], sd.placeHolder(absent(h), DataType.FLOAT, -1, 1))
                    : sentence;
            int inputs = stance ? 2 * width + 1 : width;
            int classes = stance ? stanceClasses : sentimentClasses;
            // Small initial weights (BERT's 0.02): the heads start near uniform predictions.
            float[] init = new float[inputs * classes];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) (0.02 * rng.nextGaussian());
            }
            INDArray w = Nd4j.create(init, new long[] {inputs, classes}, 'c');
            SDVariable logits = sd.mmul(in, sd.var("head." + h + ".weight", w))
                    .add(logits(h), sd.var("head." + h + ".bias", Nd4j.zeros(DataType.FLOAT, classes)));
            if (withLoss) {
                SDVariable l = sd.loss.softmaxCrossEntropy("loss_" + h,
                        sd.placeHolder(labels(h), DataType.FLOAT, -1, classes), logits,
                        sd.placeHolder(weights(h), DataType.FLOAT, -1), LossReduce.SUM, 0.0);
                loss = loss == null ? l : loss.add(l);
            }
        }
        if (withLoss) {
            sd.identity(LOSS, loss);
            sd.setLossVariables(LOSS);
        }
        return sd;
    }
}
