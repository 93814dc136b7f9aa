package org.stancekit.features;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Network input for a batch of sentences.
 *
 * @param features feature indices, shape {@code [sentences, width]}, padded with {@link Vocabulary#PADDING}
 * @param mask 1 where {@code features} holds a real feature, 0 on padding; same shape
 * @param sentences the pretrained encoder's vectors, shape {@code [sentences,
 *                  FeatureEncoder.sentenceWidth()]}, or {@code null} for models that do not read them
 */
public record EncodedBatch(INDArray features, INDArray mask, INDArray sentences) {

    /** A batch of features alone. */
    public EncodedBatch(INDArray features, INDArray mask) {
        this(features, mask, null);
    }

    /** The network's inputs, in the order of its graph's inputs. */
    public INDArray[] inputs() {
        return sentences == null ? new INDArray[] {features} : new INDArray[] {features, sentences};
    }

    /** The masks of {@link #inputs()}: sentence vectors have none. */
    public INDArray[] masks() {
        return sentences == null ? new INDArray[] {mask} : new INDArray[] {mask, null};
    }
}
