package org.stancekit.features;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Network input for a batch of sentences.
 *
 * @param features feature indices, shape {@code [sentences, width]}, padded with {@link Vocabulary#PADDING}
 * @param mask 1 where {@code features} holds a real feature, 0 on padding; same shape
 */
public record EncodedBatch(INDArray features, INDArray mask) {

    /**
     * Packs the sentences at {@code rows}, indices into {@code encoded}, into one batch, in that
     * order: how training takes a shuffled mini-batch.
     */
    public static EncodedBatch pack(int[] rows, List<int[]> encoded) {
        List<int[]> picked = new ArrayList<>(rows.length);
        for (int i : rows) {
            picked.add(encoded.get(i));
        }
        return pack(picked);
    }

    /**
     * Packs already-encoded sentences into one padded, masked batch. The arrays are filled flat, in
     * row-major order, and handed to ND4J in one copy: the same arrays as filling a
     * {@code float[rows][width]} and converting it, without the second copy (this runs for every
     * batch scored).
     */
    public static EncodedBatch pack(List<int[]> encoded) {
        int width = 1;
        for (int[] ids : encoded) {
            width = Math.max(width, ids.length);
        }
        int rows = encoded.size();
        float[] features = new float[rows * width];
        float[] mask = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] ids = encoded.get(r);
            int at = r * width;
            for (int c = 0; c < ids.length; c++) {
                features[at + c] = ids[c];
                mask[at + c] = 1f;
            }
        }
        long[] shape = {rows, width};
        return new EncodedBatch(Nd4j.create(features, shape, 'c').castTo(DataType.FLOAT),
                Nd4j.create(mask, shape, 'c').castTo(DataType.FLOAT));
    }
}

