package org.stancekit.transformer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What fine-tuning produced, stored compactly: the bundle's {@code weights.bin}. The base encoder
 * is not stored (the bundle names it and its SHA-256; it comes from Maven Central). Every
 * fine-tuned matrix is stored as its difference from the pretrained matrix, quantised to 8 bits
 * with one scale per row ({@code max |delta| / 127}); vectors (biases, LayerNorm) and the heads,
 * which are small or new, are stored as 32-bit floats. Fine-tuning moves weights little, so the
 * rounding error of a delta is a small fraction of an already small change. A model is always
 * used as decoded from its file ({@code TransformerModel} keeps the file and writes it verbatim),
 * so every figure reported for a model is a figure of the weights its bundle holds.
 *
 * <p>Layout (big-endian): magic {@code SKTW}, version, tensor count, then per tensor its name,
 * encoding (0: floats, 1: 8-bit delta), shape and values. Reading is strict: every tensor must be
 * one the architecture expects, with the expected shape, exactly once; sizes come from the
 * expected shapes, never from the file, so a hostile file cannot make the reader allocate more
 * than the model needs.
 */
public final class WeightsFile {

    /**
     * The largest weight magnitude a bundle may hold. Trained weights stay within about ten (the
     * shipped fast model's largest is 6.9); a value beyond this comes from damage (a flipped
     * exponent bit), and would overflow the forward pass into NaN instead of failing here.
     */
    public static final float MAX_WEIGHT = 1e4f;

    private static final int MAGIC = 0x534B5457; // "SKTW"
    private static final int VERSION = 1;
    private static final byte FLOATS = 0;
    private static final byte DELTA8 = 1;

    private WeightsFile() {
    }

    /**
     * Encodes weights.
     *
     * @param weights every tensor by name
     * @param shapes every tensor's shape
     * @param base pretrained values of the tensors stored as deltas (matrices of the encoder)
     */
    public static byte[] write(Map<String, float[]> weights, Map<String, long[]> shapes, Map<String, float[]> base)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(weights.size());
            for (Map.Entry<String, float[]> e : weights.entrySet()) {
                long[] shape = shapes.get(e.getKey());
                float[] w = e.getValue();
                float[] pretrained = base.get(e.getKey());
                boolean delta = pretrained != null && shape.length == 2;
                out.writeUTF(e.getKey());
                out.writeByte(delta ? DELTA8 : FLOATS);
                out.writeByte(shape.length);
                for (long d : shape) {
                    out.writeInt((int) d);
                }
                if (delta) {
                    writeDelta(out, w, pretrained, (int) shape[0], (int) shape[1]);
                } else {
                    for (float v : w) {
                        out.writeFloat(v);
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes weights.
     *
     * @param bytes the file
     * @param shapes every tensor the model needs, with its shape
     * @param base pretrained values of the tensors stored as deltas
     * @param origin names the file in errors
     */
    public static Map<String, float[]> read(byte[] bytes, Map<String, long[]> shapes, Map<String, float[]> base,
                                            String origin) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(origin + ": not a StanceKit weights file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(origin + ": weights format version " + version + ", expected " + VERSION);
            }
            int count = in.readInt();
            if (count != shapes.size()) {
                throw new IOException(origin + ": holds " + count + " tensors, the model needs " + shapes.size());
            }
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                long[] expected = shapes.get(name);
                if (expected == null) {
                    throw new IOException(origin + ": unexpected tensor '" + name + "'");
                }
                if (out.containsKey(name)) {
                    throw new IOException(origin + ": tensor '" + name + "' appears twice");
                }
                byte encoding = in.readByte();
                int rank = in.readByte();
                long[] shape = new long[Math.max(0, Math.min(rank, 8))];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readInt();
                }
                if (rank != expected.length || !Arrays.equals(shape, expected)) {
                    throw new IOException(origin + ": tensor '" + name + "' has shape " + Arrays.toString(shape)
                            + ", expected " + Arrays.toString(expected));
                }
                int size = Math.toIntExact(Arrays.stream(expected).reduce(1, (a, b) -> a * b));
                if (encoding == DELTA8 && expected.length == 2 && base.containsKey(name)) {
                    out.put(name, readDelta(in, base.get(name), (int) expected[0], (int) expected[1], origin, name));
                } else if (encoding == FLOATS) {
                    float[] w = new float[size];
                    for (int i = 0; i < size; i++) {
                        w[i] = in.readFloat();
                        if (!(Math.abs(w[i]) <= MAX_WEIGHT)) {
                            throw new IOException(origin + ": tensor '" + name + "' holds " + w[i]
                                    + ", not a weight any trained network has (damaged file)");
                        }
                    }
                    out.put(name, w);
                } else {
                    throw new IOException(origin + ": tensor '" + name + "' has unknown encoding " + encoding);
                }
            }
            if (in.read() != -1) {
                throw new IOException(origin + ": data after the last tensor");
            }
        } catch (EOFException e) {
            throw new IOException(origin + ": truncated", e);
        }
        return out;
    }

    private static void writeDelta(DataOutputStream out, float[] w, float[] pretrained, int rows, int cols)
            throws IOException {
        for (int r = 0; r < rows; r++) {
            out.writeFloat(scale(w, pretrained, r, cols));
        }
        for (int r = 0; r < rows; r++) {
            float scale = scale(w, pretrained, r, cols);
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                out.writeByte(quantise(w[i] - pretrained[i], scale));
            }
        }
    }

    private static float[] readDelta(DataInputStream in, float[] pretrained, int rows, int cols, String origin,
                                     String name) throws IOException {
        float[] scales = new float[rows];
        for (int r = 0; r < rows; r++) {
            scales[r] = in.readFloat();
            if (!(scales[r] >= 0 && scales[r] * 128 <= MAX_WEIGHT)) {
                throw new IOException(origin + ": tensor '" + name + "' has an invalid scale");
            }
        }
        float[] w = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                w[i] = pretrained[i] + in.readByte() * scales[r];
            }
        }
        return w;
    }

    private static float scale(float[] w, float[] pretrained, int row, int cols) {
        float max = 0;
        for (int c = 0; c < cols; c++) {
            int i = row * cols + c;
            max = Math.max(max, Math.abs(w[i] - pretrained[i]));
        }
        return max / 127f;
    }

    private static byte quantise(float delta, float scale) {
        return scale == 0 ? 0 : (byte) Math.max(-127, Math.min(127, Math.round(delta / scale)));
    }
}
