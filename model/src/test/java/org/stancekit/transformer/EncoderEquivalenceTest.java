package org.stancekit.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.domain.LabelSchema;
import org.stancekit.text.PartyLexicon;

/**
 * The SameDiff encoder computes what the pretrained ONNX graph computes, and the scoring engine
 * (the exported graph on ONNX Runtime with the heads in Java) computes what the SameDiff network
 * computes, on real sentences of the labelled set.
 */
class EncoderEquivalenceTest {

    static final List<String> SENTENCES = List.of(
            "Peskov accused Washington of prolonging the conflict by pouring weapons into Ukraine.",
            "NATO leaders pledged to keep supporting Ukraine for as long as it takes.",
            "Russian missiles struck a hospital in Kharkiv.",
            "The European Union agreed a sixth package of sanctions against Russia.",
            "Thank you!",
            "Senior US and Ukrainian officials have arrived in Saudi Arabia for high-stakes meetings on Tuesday aimed at "
                    + "repairing a severely damaged relationship that has left embattled Kyiv without Washington’s support.",
            "We will achieve all the goals we have set.",
            "The illegitimate sanctions imposed by the United States and its satellites have failed.");

    private static EncoderWeights weights;
    private static TransformerFeaturizer featurizer;

    @BeforeAll
    static void load() throws IOException {
        weights = EncoderWeights.read(BaseEncoder.MINILM);
        featurizer = new TransformerFeaturizer(PartyLexicon.loadDefault(), LabelSchema.DEFAULT.parties(),
                new WordPieceTokenizer(BaseEncoder.MINILM, 128));
    }

    @Test
    void sameDiffTokenStatesEqualOnnxRuntimesOnThePretrainedGraph() throws Exception {
        TransformerNetwork network = network(6, false, false);
        List<SentenceTokens> tokens = featurizer.featurize(SENTENCES);
        byte[] pretrained;
        try (InputStream in = BaseEncoder.MINILM.openModel()) {
            pretrained = in.readAllBytes();
        }
        try (OrtEncoder ort = new OrtEncoder(pretrained, 1)) {
            double worst = 0;
            for (SentenceTokens s : tokens) {
                int length = TransformerNetwork.paddedLength(s.length());
                INDArray states = network.graph().output(network.inputs(List.of(s), length), EncoderGraph.OUTPUT)
                        .get(EncoderGraph.OUTPUT);
                float[][] reference = ort.states(List.of(s), length)[0];
                for (int t = 0; t < s.length(); t++) {
                    for (int d = 0; d < weights.hidden(); d++) {
                        worst = Math.max(worst, Math.abs(reference[t][d] - states.getFloat(t, d)));
                    }
                }
            }
            assertTrue(worst < 1e-4, "largest difference " + worst);
        }
    }

    @Test
    void theScoringEngineComputesTheNetworksLogits() throws Exception {
        for (int layers : new int[] {6, 2}) {
            boolean markers = layers == 2;
            TransformerNetwork network = network(layers, true, markers);
            // Perturb the encoder so that the test sees exported, not pretrained, weights.
            Map<String, float[]> tuned = new HashMap<>();
            for (String name : network.encoderVariables()) {
                INDArray v = network.graph().getVariable(name).getArr();
                v.muli(1.01);
                tuned.put(name, v.dup().data().asFloat());
            }
            HeadWeights heads = network.heads();
            List<SentenceTokens> tokens = featurizer.featurize(SENTENCES);
            float[][][] expected = LengthBatches.logits(network, tokens, 4);
            float[] table = markers ? network.weights().get(StanceGraph.MARKER_TABLE) : null;
            try (OrtEncoder ort = new OrtEncoder(OnnxExport.export(weights, layers, tuned, markers), 1, table,
                    weights.hidden())) {
                double worst = 0;
                for (int i = 0; i < tokens.size(); i++) {
                    SentenceTokens s = tokens.get(i);
                    float[][] logits = heads.logits(ort.states(List.of(s), TransformerNetwork.paddedLength(s.length()))[0], s);
                    assertEquals(expected[i].length, logits.length);
                    for (int h = 0; h < logits.length; h++) {
                        for (int c = 0; c < logits[h].length; c++) {
                            worst = Math.max(worst, Math.abs(expected[i][h][c] - logits[h][c]));
                        }
                    }
                }
                assertTrue(worst < 1e-4, layers + " layers, markers " + markers + ": largest logit difference " + worst);
            }
        }
    }

    private static TransformerNetwork network(int layers, boolean randomHeads, boolean markers) {
        TransformerNetwork n = TransformerNetwork.create(weights, new TransformerNetwork.Architecture(
                BaseEncoder.MINILM, layers, true, markers, 128), LabelSchema.DEFAULT, false, 7);
        if (randomHeads) {
            // Initial heads are near zero; scale them so that logits differ between classes.
            n.headVariables().forEach(v -> n.graph().getVariable(v).getArr().muli(50));
        }
        if (markers) {
            // The marker table starts at zero; give it values so that markers change the states.
            n.graph().getVariable(StanceGraph.MARKER_TABLE).getArr()
                    .assign(org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 384).subi(0.5));
        }
        return n;
    }

}
