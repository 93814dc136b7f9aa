package org.stancekit.features;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Network input for a batch of sentences.
 *
 * @param features feature indices, shape {@code [sentences, width]}, padded with {@link Vocabulary#PADDING}
 * @param mask 1 where {@code features} holds a real feature, 0 on padding; same shape
 */
public record EncodedBatch(INDArray features, INDArray mask) {
}
