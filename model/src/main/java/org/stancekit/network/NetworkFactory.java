package org.stancekit.network;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.stancekit.domain.LabelSchema;

/**
 * Builds the multi-task stance network, a fastText-style graph:
 * <pre>
 * features ─ embedding ─ masked average ─ dense(ReLU) ─┬─ stance_&lt;party&gt; softmax (one per party)
 *                                                      └─ sentiment softmax
 * </pre>
 * The masked average can be replaced by max pooling, both, or a convolution ({@link NetworkSpec#encoder});
 * the README's model comparison measured them on the dev split. Models with a sentence encoder
 * ({@code FeatureSettings.sentenceEncoder}) have a second input, the sentence's pretrained vector,
 * joined to the pooled bag before the dense layer, so every head reads both; with the parties
 * encoder, the input also holds one pretrained vector per party, and each reaches only its own
 * party's stance head, through a dense layer of its own:
 * <pre>
 * sentence input ─┬─ [sentence vector] ─ joined to the bag ─ dense(ReLU) ─┬─ stance_&lt;party&gt;
 *                 └─ [party vector] ─ dense(ReLU) ─────────────────────────┘  (merged per party)
 * </pre>
 * The embedding bag is cheap enough to score tens of thousands of sentences a second on two
 * cores; target awareness comes from the encoder's party-specific features, which the shared
 * layers let every head weigh differently.
 */
public final class NetworkFactory {

    /** Name of the graph's input. */
    public static final String INPUT = "features";
    /** Name of the second input of models that read a pretrained encoder's sentence vectors. */
    public static final String SENTENCE_INPUT = "sentence";
    /** Width of the dense layer that reads a party's own vector (parties encoder only). */
    static final int PARTY_HIDDEN = 32;
    /** Name of the sentiment head. */
    public static final String SENTIMENT_HEAD = "sentiment";

    private NetworkFactory() {
    }

    /** Name of the stance head of a party. */
    public static String stanceHead(String party) {
        return "stance_" + LabelSchema.column(party);
    }

    /** Output names in graph order: one stance head per party, then sentiment. */
    public static List<String> outputs(LabelSchema schema) {
        List<String> outputs = new ArrayList<>();
        schema.parties().forEach(p -> outputs.add(stanceHead(p)));
        outputs.add(SENTIMENT_HEAD);
        return outputs;
    }

    /**
     * Adds the layers from "embedding" to the sentence vector "pool" that {@link NetworkSpec#encoder}
     * names, and returns the vector's width. Pooling honours the mask, so padding never counts.
     */
    private static int addEncoder(ComputationGraphConfiguration.GraphBuilder graph, NetworkSpec spec) {
        int width = spec.embeddingSize();
        switch (spec.encoder()) {
            case "max" -> graph.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "embedding");
            case "avg+max" -> {
                graph.addLayer("pool_avg", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "embedding");
                graph.addLayer("pool_max", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "embedding");
                graph.addVertex("pool", new MergeVertex(), "pool_avg", "pool_max");
                width *= 2;
            }
            case "cnn" -> {
                graph.addLayer("conv", new Convolution1DLayer.Builder().kernelSize(3).stride(1)
                        .convolutionMode(ConvolutionMode.Same).nIn(width).nOut(width)
                        .activation(Activation.RELU).build(), "embedding");
                graph.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "conv");
            }
            case "lstm" -> {
                graph.addLayer("lstm", new LSTM.Builder().nIn(width).nOut(width).activation(Activation.TANH).build(),
                        "embedding");
                graph.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "lstm");
            }
            default -> graph.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "embedding");
        }
        return width;
    }

    /**
     * Builds and initialises a network that reads the bag of features alone, as
     * {@link #build(NetworkSpec, int, int, List, LabelSchema, List, long)} describes.
     */
    public static ComputationGraph build(NetworkSpec spec, int vocabularySize, LabelSchema schema,
                                         List<double[]> headWeights, long seed) {
        return build(spec, vocabularySize, 0, List.of(), schema, headWeights, seed);
    }

    /**
     * Builds and initialises a network.
     *
     * @param spec architecture and optimiser settings
     * @param vocabularySize number of feature indices (the embedding's input size)
     * @param sentenceWidth width of the second input, the pretrained vectors of
     *                      {@code FeatureEncoder.embed} (0: no second input)
     * @param vectorTargets the parties whose vectors follow the sentence vector in that input, all
     *                      of equal width ({@code FeatureEncoder.vectorTargets}); the sentence vector
     *                      joins the bag, and a party's vector reaches only that party's stance head,
     *                      through a small dense layer of its own, so that the sentiment head and
     *                      the other parties' heads do not fit themselves to it
     * @param schema the labels; one head per party
     * @param headWeights per output (in {@link #outputs} order), class weights for the loss, or
     *                    {@code null} for unweighted; weights counter class imbalance
     * @param seed the random seed of weight initialisation and dropout
     */
    public static ComputationGraph build(NetworkSpec spec, int vocabularySize, int sentenceWidth,
                                         List<String> vectorTargets, LabelSchema schema,
                                         List<double[]> headWeights, long seed) {
        int vectorWidth = sentenceWidth / (1 + vectorTargets.size());
        List<String> outputs = outputs(schema);
        ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(spec.learningRate()))
                .l2(spec.l2())
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs(INPUT)
                .addLayer("embedding", new EmbeddingSequenceLayer.Builder()
                        .nIn(vocabularySize).nOut(spec.embeddingSize()).hasBias(false).build(), INPUT);
        int pooled = addEncoder(graph, spec);
        String joined = "pool";
        if (sentenceWidth > 0) {
            graph.addInputs(SENTENCE_INPUT);
            String sentence = SENTENCE_INPUT;
            if (!vectorTargets.isEmpty()) {
                sentence = "sentence_vector";
                graph.addVertex(sentence, new SubsetVertex(0, vectorWidth - 1), SENTENCE_INPUT);
            }
            graph.addVertex("joined", new MergeVertex(), "pool", sentence);
            joined = "joined";
            pooled += vectorWidth;
        }
        graph.addLayer("hidden", new DenseLayer.Builder().nIn(pooled).nOut(spec.hiddenSize())
                .activation(Activation.RELU).dropOut(1.0 - spec.dropout()).build(), joined);
        for (int i = 0; i < outputs.size(); i++) {
            boolean sentiment = i == outputs.size() - 1;
            int classes = sentiment ? schema.sentiments().size() : schema.stances().size();
            double[] weights = headWeights == null ? null : headWeights.get(i);
            LossMCXENT loss = weights == null ? new LossMCXENT() : new LossMCXENT(Nd4j.create(weights).castTo(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT));
            int target = sentiment ? -1 : vectorTargets.indexOf(schema.parties().get(i));
            String in = "hidden";
            int width = spec.hiddenSize();
            if (target >= 0) {
                String party = LabelSchema.column(schema.parties().get(i));
                int from = (1 + target) * vectorWidth;
                graph.addVertex("vector_" + party, new SubsetVertex(from, from + vectorWidth - 1), SENTENCE_INPUT);
                graph.addLayer("hidden_" + party, new DenseLayer.Builder().nIn(vectorWidth).nOut(PARTY_HIDDEN)
                        .activation(Activation.RELU).dropOut(1.0 - spec.dropout()).build(), "vector_" + party);
                graph.addVertex("joined_" + party, new MergeVertex(), "hidden", "hidden_" + party);
                in = "joined_" + party;
                width += PARTY_HIDDEN;
            }
            graph.addLayer(outputs.get(i), new OutputLayer.Builder(loss).nIn(width).nOut(classes)
                    .activation(Activation.SOFTMAX).build(), in);
        }
        graph.setOutputs(outputs.toArray(String[]::new));
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }
}
