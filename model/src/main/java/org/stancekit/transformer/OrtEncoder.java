package org.stancekit.transformer;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * The fine-tuned encoder on ONNX Runtime: word-piece ids in, token states out. The scoring
 * engine of the transformer model (see {@link OnnxExport} for why a second engine). Batches hold
 * sentences of one padded length; padding is masked, so it never changes a sentence's states.
 * Safe for use by one thread at a time per batch; ONNX Runtime's session is itself thread-safe.
 */
public final class OrtEncoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String output;
    private final boolean tokenTypes;
    private final float[] markerTable;
    private final int width;
    private boolean closed;

    /**
     * @param onnx the exported graph ({@link OnnxExport#export}), without entity markers
     * @param threads ONNX Runtime's threads within one forward pass
     */
    public OrtEncoder(byte[] onnx, int threads) throws OrtException {
        this(onnx, threads, null, 0);
    }

    /**
     * @param onnx the exported graph ({@link OnnxExport#export})
     * @param threads ONNX Runtime's threads within one forward pass
     * @param markerTable per party, its learned marker vector ({@code [parties, width]}), or null
     *                    when the graph has no marker input
     * @param width the encoder's width
     */
    public OrtEncoder(byte[] onnx, int threads, float[] markerTable, int width) throws OrtException {
        this.markerTable = markerTable;
        this.width = width;
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(onnx, options);
        }
        output = session.getOutputNames().iterator().next();
        tokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The token states of a batch.
     *
     * @param batch sentences no longer than {@code length}
     * @param length the padded length
     * @return per sentence, per position (padding included), the state
     */
    public float[][][] states(List<SentenceTokens> batch, int length) throws OrtException {
        int n = batch.size();
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        for (int b = 0; b < n; b++) {
            int[] s = batch.get(b).ids();
            for (int t = 0; t < s.length; t++) {
                ids[b * length + t] = s[t];
                mask[b * length + t] = 1;
            }
        }
        long[] shape = {n, length};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor typeT = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * length]), shape)) {
            Map<String, OnnxTensor> inputs = new java.util.HashMap<>(Map.of("input_ids", idT, "attention_mask", maskT));
            if (tokenTypes) {
                inputs.put("token_type_ids", typeT);
            }
            OnnxTensor marks = markerTable == null ? null : markers(batch, length);
            if (marks != null) {
                inputs.put(OnnxExport.MARKER_INPUT, marks);
            }
            try (OrtSession.Result result = session.run(inputs, java.util.Set.of(output))) {
                return (float[][][]) result.get(0).getValue();
            } finally {
                if (marks != null) {
                    marks.close();
                }
            }
        }
    }

    /** The marker vectors to add at every token: the party's marker at its mentions, zero elsewhere. */
    private OnnxTensor markers(List<SentenceTokens> batch, int length) throws OrtException {
        float[] marks = new float[batch.size() * length * width];
        for (int b = 0; b < batch.size(); b++) {
            int[][] mentions = batch.get(b).mentions();
            for (int k = 0; k < mentions.length; k++) {
                for (int t : mentions[k]) {
                    int at = (b * length + t) * width;
                    for (int d = 0; d < width; d++) {
                        marks[at + d] += markerTable[k * width + d];
                    }
                }
            }
        }
        return OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(marks), new long[] {batch.size(), length, width});
    }

    /** Releases the session; a second call does nothing (ONNX Runtime itself refuses one). */
    @Override
    public synchronized void close() throws OrtException {
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}
