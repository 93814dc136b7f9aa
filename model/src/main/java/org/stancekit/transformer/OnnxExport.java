package org.stancekit.transformer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import onnx.Onnx;

/**
 * Writes a fine-tuned encoder as an ONNX graph for ONNX Runtime: the base encoder's own graph with
 * the fine-tuned weights in place of the pretrained ones, and, for a model using fewer layers than
 * its base, only the nodes that compute the last used layer. The graph's one output is then the
 * token states, {@code [batch, length, width]}.
 *
 * <p>Why a second engine: fine-tuning needs SameDiff's gradients, but scoring needs speed, and
 * ONNX Runtime ran the same encoder four to six times faster than SameDiff on two cores (measured
 * on 64 sentences of 32 tokens: 216 against 55–74 sentences a second on one thread, 427 on two).
 * A test holds the two engines' outputs within 1e-4 of each other.
 */
public final class OnnxExport {

    private OnnxExport() {
    }

    /** Name of the extra input of a graph with entity markers: {@code [batch, length, width]}, added to the embeddings. */
    public static final String MARKER_INPUT = "marker_embeddings";
    /** The tensor that sums word, position and token-type embeddings, before the embedding LayerNorm. */
    private static final String EMBEDDING_SUM = "/embeddings/Add_1_output_0";

    /**
     * The ONNX graph of an encoder.
     *
     * @param base the pretrained weights (and their ONNX file)
     * @param layers how many layers the model uses
     * @param weights fine-tuned weights by name; weights not given keep their pretrained values
     * @param markers whether to add an input {@value #MARKER_INPUT} to the summed embeddings (entity
     *                markers, computed in Java from the learned marker table)
     */
    public static byte[] export(EncoderWeights base, int layers, Map<String, float[]> weights, boolean markers)
            throws IOException {
        Onnx.ModelProto model = EncoderWeights.parse(base.onnx());
        Onnx.GraphProto graph = model.getGraph();
        if (markers) {
            graph = withMarkerInput(graph);
        }
        String target = layers == base.layers() ? graph.getOutput(0).getName()
                : "/encoder/layer." + (layers - 1) + "/output/LayerNorm/Add_1_output_0";

        Map<String, Onnx.NodeProto> producer = new HashMap<>();
        graph.getNodeList().forEach(n -> n.getOutputList().forEach(o -> producer.put(o, n)));
        if (!producer.containsKey(target)) {
            throw new IOException("the base encoder's graph has no tensor " + target);
        }
        Set<Onnx.NodeProto> kept = new HashSet<>();
        Set<String> used = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(target);
        while (!todo.isEmpty()) {
            String tensor = todo.pop();
            if (!used.add(tensor)) {
                continue;
            }
            Onnx.NodeProto node = producer.get(tensor);
            if (node != null && kept.add(node)) {
                todo.addAll(node.getInputList());
            }
        }

        Map<String, String> byOnnxName = new HashMap<>();
        base.onnxNames().forEach((name, onnxName) -> byOnnxName.put(onnxName, name));
        Onnx.GraphProto.Builder out = graph.toBuilder().clearNode().clearInitializer().clearOutput();
        graph.getNodeList().stream().filter(kept::contains).forEach(out::addNode);
        for (Onnx.TensorProto t : graph.getInitializerList()) {
            if (!used.contains(t.getName())) {
                continue;
            }
            String name = byOnnxName.get(t.getName());
            float[] w = name == null ? null : weights.get(name);
            if (w == null) {
                out.addInitializer(t);
                continue;
            }
            if (w.length != base.get(name).length) {
                throw new IllegalArgumentException("weight " + name + " has " + w.length
                        + " values, the base encoder's has " + base.get(name).length);
            }
            ByteBuffer bytes = ByteBuffer.allocate(w.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(w);
            out.addInitializer(t.toBuilder().clearFloatData().setRawData(
                    org.nd4j.shade.protobuf.ByteString.copyFrom(bytes.array())));
        }
        out.addOutput(Onnx.ValueInfoProto.newBuilder().setName(target).setType(graph.getOutput(0).getType()));
        return model.toBuilder().setGraph(out).build().toByteArray();
    }

    /**
     * The graph with a new input added to the summed embeddings: the node that produced the sum
     * now writes a new tensor, and an Add of it and the input writes the old name, so every
     * consumer (the embedding LayerNorm) reads the marked embeddings.
     */
    private static Onnx.GraphProto withMarkerInput(Onnx.GraphProto graph) throws IOException {
        Onnx.GraphProto.Builder b = graph.toBuilder().clearNode();
        boolean found = false;
        for (Onnx.NodeProto n : graph.getNodeList()) {
            if (n.getOutputCount() == 1 && n.getOutput(0).equals(EMBEDDING_SUM)) {
                b.addNode(n.toBuilder().setOutput(0, EMBEDDING_SUM + "_unmarked"));
                b.addNode(Onnx.NodeProto.newBuilder().setOpType("Add").setName("/embeddings/AddMarkers")
                        .addInput(EMBEDDING_SUM + "_unmarked").addInput(MARKER_INPUT).addOutput(EMBEDDING_SUM));
                found = true;
            } else {
                b.addNode(n);
            }
        }
        if (!found) {
            throw new IOException("the base encoder's graph has no tensor " + EMBEDDING_SUM + " to add markers to");
        }
        Onnx.TypeProto.Tensor.Builder type = Onnx.TypeProto.Tensor.newBuilder().setElemType(1);
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (String dim : new String[] {"batch", "sequence", "hidden"}) {
            shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(dim));
        }
        type.setShape(shape);
        b.addInput(Onnx.ValueInfoProto.newBuilder().setName(MARKER_INPUT)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(type)));
        return b.build();
    }
}
