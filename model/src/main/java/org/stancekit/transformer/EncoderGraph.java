package org.stancekit.transformer;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A BERT encoder written in SameDiff operations, so that it can be fine-tuned with ND4J (ND4J's
 * ONNX importer cannot read these graphs). It computes exactly what the ONNX graph computes:
 * embedding LayerNorm, then per layer 12-head self-attention with an additive mask, residual and
 * LayerNorm, exact (erf) GELU feed-forward, residual and LayerNorm. A test holds its token outputs
 * to ONNX Runtime's within 1e-4.
 *
 * <p>Shapes are chosen around M2.1's sharp edges. Hidden states stay {@code [tokens, width]}
 * (every sentence of the batch padded to one length, rows concatenated), so every projection is a
 * 2-D matrix product ({@code sd.nn.linear} gave wrong results with {@code [in, out]} weights).
 * The input embeddings (word + position + token type rows) are summed outside the graph from
 * frozen tables: {@code Gather}'s gradient fails in M2.1, and the 11.7M-parameter word table is
 * half the model yet gains little from fine-tuning on a few thousand sentences. Reshapes to and
 * from attention heads take their shape from placeholders, so batch size and length can both vary.
 *
 * <p>Placeholders: {@code embeddings [tokens, width]}, {@code attention_bias [batch, 1, 1, length]}
 * (0 on tokens, -10000 on padding), {@code head_shape} (int64: batch, length, heads, head width)
 * and {@code flat_shape} (int64: tokens, width).
 */
public final class EncoderGraph {

    /** Placeholder of the summed input embeddings. */
    public static final String EMBEDDINGS = "embeddings";
    /** Placeholder of the additive attention mask. */
    public static final String ATTENTION_BIAS = "attention_bias";
    /** Placeholder of the attention heads' shape. */
    public static final String HEAD_SHAPE = "head_shape";
    /** Placeholder of the flat hidden states' shape. */
    public static final String FLAT_SHAPE = "flat_shape";
    /** Name of the encoder's output, {@code [tokens, width]}. */
    public static final String OUTPUT = "encoder_output";

    private EncoderGraph() {
    }

    /**
     * Adds the encoder to {@code sd} and returns its output. Every weight but the embedding tables
     * becomes a trainable variable named as in the ONNX file, initialised from {@code weights}.
     *
     * @param layers how many of the encoder's layers to use, from the bottom (all: {@link EncoderWeights#layers()})
     * @param input what to add to the placeholder embeddings before the first LayerNorm (entity
     *              markers, say), or null
     * @return the hidden states of the last layer used, {@code [tokens, width]}
     */
    public static SDVariable build(SameDiff sd, EncoderWeights weights, int heads, int layers, SDVariable input) {
        if (layers < 1 || layers > weights.layers()) {
            throw new IllegalArgumentException("layers must be in 1.." + weights.layers() + ", got " + layers);
        }
        int width = weights.hidden();
        SDVariable embeddings = sd.placeHolder(EMBEDDINGS, DataType.FLOAT, -1, width);
        SDVariable bias = sd.placeHolder(ATTENTION_BIAS, DataType.FLOAT, -1, 1, 1, -1);
        SDVariable headShape = sd.placeHolder(HEAD_SHAPE, DataType.INT64, 4);
        SDVariable flatShape = sd.placeHolder(FLAT_SHAPE, DataType.INT64, 2);
        double eps = weights.layerNormEpsilon();
        SDVariable x = input == null ? embeddings : embeddings.add(input);
        x = layerNorm(sd, weights, "embeddings.LayerNorm", x, eps);
        double scale = 1.0 / Math.sqrt(width / (double) heads);
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            SDVariable q = heads(sd, dense(sd, weights, p + "attention.self.query", x), headShape);
            SDVariable k = heads(sd, dense(sd, weights, p + "attention.self.key", x), headShape);
            SDVariable v = heads(sd, dense(sd, weights, p + "attention.self.value", x), headShape);
            SDVariable scores = sd.mmul(q, k, false, true, false).mul(scale).add(bias);
            SDVariable context = sd.mmul(sd.nn.softmax(scores, 3), v);
            context = sd.reshape(sd.permute(context, 0, 2, 1, 3), flatShape);
            x = layerNorm(sd, weights, p + "attention.output.LayerNorm",
                    x.add(dense(sd, weights, p + "attention.output.dense", context)), eps);
            SDVariable inner = gelu(sd, dense(sd, weights, p + "intermediate.dense", x));
            x = layerNorm(sd, weights, p + "output.LayerNorm", x.add(dense(sd, weights, p + "output.dense", inner)), eps);
        }
        return sd.identity(OUTPUT, x);
    }

    /** The names of the trainable variables of an encoder of {@code layers} layers, in a fixed order. */
    public static List<String> trainableNames(int layers) {
        List<String> names = new ArrayList<>(List.of("embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"));
        for (int l = 0; l < layers; l++) {
            String p = "encoder.layer." + l + ".";
            for (String m : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "intermediate.dense", "output.dense")) {
                names.add(p + m + ".weight");
                names.add(p + m + ".bias");
            }
            for (String m : List.of("attention.output.LayerNorm", "output.LayerNorm")) {
                names.add(p + m + ".weight");
                names.add(p + m + ".bias");
            }
        }
        return names;
    }

    private static SDVariable variable(SameDiff sd, EncoderWeights weights, String name) {
        SDVariable existing = sd.getVariable(name);
        if (existing != null) {
            return existing;
        }
        return sd.var(name, Nd4j.create(weights.get(name), weights.shapes().get(name), 'c'));
    }

    private static SDVariable dense(SameDiff sd, EncoderWeights weights, String module, SDVariable x) {
        return sd.mmul(x, variable(sd, weights, module + ".weight")).add(variable(sd, weights, module + ".bias"));
    }

    /** {@code [tokens, width]} → {@code [batch, heads, length, head width]}. */
    private static SDVariable heads(SameDiff sd, SDVariable x, SDVariable headShape) {
        return sd.permute(sd.reshape(x, headShape), 0, 2, 1, 3);
    }

    /** LayerNorm over the last dimension, written out: ND4J's fused op has no epsilon parameter. */
    private static SDVariable layerNorm(SameDiff sd, EncoderWeights weights, String module, SDVariable x, double eps) {
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normalised = centred.div(sd.math.sqrt(variance.add(eps)));
        return normalised.mul(variable(sd, weights, module + ".weight")).add(variable(sd, weights, module + ".bias"));
    }

    /** Exact GELU, {@code x/2 · (1 + erf(x/√2))}, as BERT was trained with (not the tanh approximation). */
    private static SDVariable gelu(SameDiff sd, SDVariable x) {
        return x.mul(0.5).mul(sd.math.erf(x.mul(1 / Math.sqrt(2))).add(1.0));
    }
}
