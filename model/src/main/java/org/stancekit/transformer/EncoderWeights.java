package org.stancekit.transformer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import onnx.Onnx;
import org.nd4j.shade.protobuf.CodedInputStream;
import org.stancekit.runtime.Sha256;

/**
 * The pretrained weights of a BERT-style encoder, read from its ONNX file with the ONNX protobuf
 * classes that ship inside nd4j-api. Only the weights are taken, by their Hugging Face names
 * ({@code encoder.layer.0.attention.self.query.weight}, …); the graph itself is rebuilt in SameDiff
 * by {@link EncoderGraph}, because ND4J's ONNX importer cannot import these graphs (opset 14).
 *
 * <p>The exporter names bias, LayerNorm and embedding initializers after their module, but leaves
 * the projection matrices anonymous ({@code onnx::MatMul_885}). Each is named here after the MatMul
 * node that reads it, whose output name carries the module path
 * ({@code /encoder/layer.0/attention/self/query/MatMul_output_0}). Matrices keep ONNX's layout,
 * {@code [in, out]}.
 *
 * @param tensors every float weight, by name
 * @param shapes each weight's shape
 * @param layerNormEpsilon the LayerNorm epsilon the graph adds (1e-12 for BERT)
 * @param sha256 SHA-256 of the ONNX file, in hex: what a bundle records of its base
 * @param onnxNames per weight name, the initializer's name in the ONNX file (for {@link OnnxExport})
 * @param onnx the ONNX file's bytes (for {@link OnnxExport})
 */
public record EncoderWeights(Map<String, float[]> tensors, Map<String, long[]> shapes, double layerNormEpsilon,
                             String sha256, Map<String, String> onnxNames, byte[] onnx) {

    /** Reads a base encoder's weights. */
    public static EncoderWeights read(BaseEncoder base) throws IOException {
        try (InputStream in = base.openModel()) {
            return read(in);
        }
    }

    /** Reads weights from an ONNX file's bytes. */
    public static EncoderWeights read(InputStream onnxFile) throws IOException {
        byte[] bytes = onnxFile.readAllBytes();
        Onnx.GraphProto graph = parse(bytes).getGraph();

        Map<String, String> matMulNames = new LinkedHashMap<>();
        double epsilon = Double.NaN;
        Map<String, Float> constants = new LinkedHashMap<>();
        for (Onnx.NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("MatMul") && node.getInputCount() == 2) {
                String out = node.getOutput(0);
                if (out.endsWith("/MatMul_output_0")) {
                    String module = out.substring(1, out.length() - "/MatMul_output_0".length()).replace('/', '.');
                    matMulNames.put(node.getInput(1), module + ".weight");
                }
            } else if (node.getOpType().equals("Constant") && node.getAttributeCount() == 1
                    && node.getAttribute(0).hasT() && node.getAttribute(0).getT().getDataType() == 1
                    && node.getAttribute(0).getT().getDimsCount() == 0) {
                constants.put(node.getOutput(0), floats(node.getAttribute(0).getT())[0]);
            } else if (node.getOpType().equals("Add") && node.getOutput(0).equals("/embeddings/LayerNorm/Add_output_0")) {
                Float e = constants.get(node.getInput(1));
                epsilon = e == null ? Double.NaN : e;
            }
        }
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, String> onnxNames = new LinkedHashMap<>();
        for (Onnx.TensorProto t : graph.getInitializerList()) {
            if (t.getDataType() != 1) {
                continue; // position_ids (int64): positions are 0..T-1 by construction
            }
            String name = matMulNames.getOrDefault(t.getName(), t.getName());
            tensors.put(name, floats(t));
            onnxNames.put(name, t.getName());
            shapes.put(name, t.getDimsList().stream().mapToLong(Long::longValue).toArray());
        }
        if (Double.isNaN(epsilon)) {
            throw new IOException("not a BERT-style ONNX graph: no embedding LayerNorm epsilon found");
        }
        return new EncoderWeights(tensors, shapes, epsilon, Sha256.of(bytes), onnxNames, bytes);
    }

    /** Parses an ONNX file. */
    static Onnx.ModelProto parse(byte[] bytes) throws IOException {
        CodedInputStream coded = CodedInputStream.newInstance(bytes);
        // The default limit (64 MB) is below the files' size (91 to 133 MB).
        coded.setSizeLimit(Integer.MAX_VALUE);
        return Onnx.ModelProto.parseFrom(coded);
    }

    private static float[] floats(Onnx.TensorProto t) {
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }

    /** A weight by name, or an error naming it. */
    public float[] get(String name) {
        float[] t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("the encoder has no weight '" + name + "'");
        }
        return t;
    }

    /** Encoder layers (the number of {@code encoder.layer.N} blocks). */
    public int layers() {
        int n = 0;
        while (tensors.containsKey("encoder.layer." + n + ".attention.self.query.bias")) {
            n++;
        }
        return n;
    }

    /** Hidden width. */
    public int hidden() {
        return (int) shapes.get("embeddings.word_embeddings.weight")[1];
    }

    /** Vocabulary size. */
    public int vocabulary() {
        return (int) shapes.get("embeddings.word_embeddings.weight")[0];
    }

    /** Longest input in tokens. */
    public int maxPositions() {
        return (int) shapes.get("embeddings.position_embeddings.weight")[0];
    }
}
