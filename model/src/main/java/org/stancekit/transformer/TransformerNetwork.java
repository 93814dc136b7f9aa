package org.stancekit.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.domain.LabelSchema;

/**
 * The fine-tunable stance network: a {@link StanceGraph} in SameDiff with its frozen input tables,
 * the graph fine-tuning computes gradients on. Scoring does not run it: {@link TransformerModel}
 * runs the same weights in the base encoder's ONNX graph on ONNX Runtime (far faster) with the
 * heads in Java, and {@code EncoderEquivalenceTest} holds the two to the same logits.
 */
public final class TransformerNetwork {

    /** Sentences are padded to a multiple of this many tokens (see {@link #paddedLength}). */
    public static final int LENGTH_STEP = 8;

    private final SameDiff graph;
    private final EmbeddingTables tables;
    private final Architecture architecture;
    private final int parties;

    /**
     * The shape of a transformer network: what a bundle must record to rebuild it.
     *
     * @param base the pretrained encoder
     * @param layers encoder layers used
     * @param mentionPooling whether heads read the mean at each party's mentions
     * @param markers whether entity markers are added at mentions
     * @param maxTokens word pieces per sentence at most
     */
    public record Architecture(BaseEncoder base, int layers, boolean mentionPooling, boolean markers, int maxTokens) {
    }

    private TransformerNetwork(SameDiff graph, EmbeddingTables tables, Architecture architecture, int parties) {
        this.graph = graph;
        this.tables = tables;
        this.architecture = architecture;
        this.parties = parties;
    }

    /**
     * A network initialised from a pretrained encoder, heads at their seeded initial weights.
     *
     * @param withLoss whether the graph carries the training loss (fine-tuning) or not (scoring)
     */
    public static TransformerNetwork create(EncoderWeights encoder, Architecture architecture, LabelSchema schema,
                                            boolean withLoss, long seed) {
        SameDiff sd = StanceGraph.build(encoder, architecture.base().heads(), architecture.layers(),
                schema.parties().size(), schema.stances().size(), schema.sentiments().size(), architecture.markers(),
                withLoss, seed);
        return new TransformerNetwork(sd, new EmbeddingTables(encoder), architecture, schema.parties().size());
    }

    /**
     * The length a sentence of {@code tokens} word pieces is padded to: the next multiple of
     * {@value #LENGTH_STEP}. Scoring batches hold sentences of one padded length only, so a
     * sentence's padding, and so its arithmetic, is the same whatever it is batched with.
     */
    public static int paddedLength(int tokens) {
        return Math.max(LENGTH_STEP, (tokens + LENGTH_STEP - 1) / LENGTH_STEP * LENGTH_STEP);
    }

    /** The SameDiff graph (fine-tuning reads and updates its variables). */
    public SameDiff graph() {
        return graph;
    }

    /** The names of the encoder's trainable variables. */
    public List<String> encoderVariables() {
        return EncoderGraph.trainableNames(architecture.layers());
    }

    /** The names of the heads' variables. */
    public List<String> headVariables() {
        return StanceGraph.headNames(parties, architecture.markers());
    }

    /** Every trainable weight's current values, by name: the encoder's, then the heads'. */
    public Map<String, float[]> weights() {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (String name : encoderVariables()) {
            out.put(name, graph.getVariable(name).getArr().dup().data().asFloat());
        }
        for (String name : headVariables()) {
            out.put(name, graph.getVariable(name).getArr().dup().data().asFloat());
        }
        return out;
    }

    /** The heads' current weights, for the scoring engine ({@link HeadWeights}). */
    public HeadWeights heads() {
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (int h = 0; h <= parties; h++) {
            weights.add(graph.getVariable("head." + h + ".weight").getArr().dup().data().asFloat());
            biases.add(graph.getVariable("head." + h + ".bias").getArr().dup().data().asFloat());
        }
        return new HeadWeights(weights, biases, (int) graph.getVariable("head." + parties + ".weight").getArr().size(0),
                architecture.mentionPooling());
    }

    /** The placeholders of a batch padded to {@code length} (every sentence no longer than that). */
    public Map<String, INDArray> inputs(List<SentenceTokens> batch, int length) {
        return BatchTensors.inputs(tables, architecture.base().heads(), batch, length, parties,
                architecture.mentionPooling(), architecture.markers());
    }

    /**
     * The logits of every head for one batch.
     *
     * @param batch sentences that all pad to the same {@link #paddedLength}
     * @return per head (parties in order, then sentiment), per sentence, the logits
     */
    public float[][][] logits(List<SentenceTokens> batch) {
        int length = paddedLength(batch.get(0).length());
        for (SentenceTokens s : batch) {
            if (paddedLength(s.length()) != length) {
                throw new IllegalArgumentException("a batch must hold sentences of one padded length");
            }
        }
        List<String> names = new ArrayList<>();
        for (int h = 0; h <= parties; h++) {
            names.add(StanceGraph.logits(h));
        }
        Map<String, INDArray> out = graph.output(inputs(batch, length), names);
        float[][][] logits = new float[parties + 1][][];
        for (int h = 0; h <= parties; h++) {
            logits[h] = out.get(StanceGraph.logits(h)).toFloatMatrix();
        }
        return logits;
    }
}
