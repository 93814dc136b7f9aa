package org.stancekit.network;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
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
import org.stancekit.model.DecisionRule;

/**
 * Builds the multi-task stance network, a fastText-style graph:
 * <pre>
 * features ─ embedding ─ masked average ─ dense(ReLU) ─┬─ stance_&lt;party&gt; softmax (one per party)
 *                                                      └─ sentiment softmax
 * </pre>
 * The masked average can be replaced by max pooling, both, or a convolution ({@link NetworkSpec#encoder});
 * {@code docs/experiments.md} has the comparison on the dev split. The embedding bag is cheap enough to score tens of thousands of sentences a second on two
 * cores; target awareness comes from the encoder's party-specific features, which the shared
 * layers let every head weigh differently.
 */
public final class NetworkFactory {

    /** Name of the graph's input. */
    public static final String INPUT = "features";

    private NetworkFactory() {
    }

    /** Output names in graph order, the heads' names of {@link DecisionRule#heads}. */
    public static List<String> outputs(LabelSchema schema) {
        return schema.heads();
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
     * Builds and initialises a network.
     *
     * @param spec architecture and optimiser settings
     * @param vocabularySize number of feature indices (the embedding's input size)
     * @param schema the labels; one head per party
     * @param headWeights per output (in {@link #outputs} order), class weights for the loss, or
     *                    {@code null} for unweighted; weights counter class imbalance
     * @param seed the random seed of weight initialisation and dropout
     */
    public static ComputationGraph build(NetworkSpec spec, int vocabularySize, LabelSchema schema,
                                         List<double[]> headWeights, long seed) {
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
        graph.addLayer("hidden", new DenseLayer.Builder().nIn(pooled).nOut(spec.hiddenSize())
                .activation(Activation.RELU).dropOut(1.0 - spec.dropout()).build(), "pool");
        for (int i = 0; i < outputs.size(); i++) {
            boolean sentiment = i == outputs.size() - 1;
            int classes = sentiment ? schema.sentiments().size() : schema.stances().size();
            double[] weights = headWeights == null ? null : headWeights.get(i);
            LossMCXENT loss = weights == null ? new LossMCXENT() : new LossMCXENT(Nd4j.create(weights).castTo(
                    org.nd4j.linalg.api.buffer.DataType.FLOAT));
            graph.addLayer(outputs.get(i), new OutputLayer.Builder(loss).nIn(spec.hiddenSize()).nOut(classes)
                    .activation(Activation.SOFTMAX).build(), "hidden");
        }
        graph.setOutputs(outputs.toArray(String[]::new));
        ComputationGraph network = new ComputationGraph(graph.build());
        network.init();
        return network;
    }
}
