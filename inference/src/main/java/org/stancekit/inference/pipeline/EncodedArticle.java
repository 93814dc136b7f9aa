package org.stancekit.inference.pipeline;

import java.util.List;

/**
 * An article split into sentences, each encoded into feature indices.
 *
 * @param id the article id
 * @param sentences the sentences, in order
 * @param features one feature index array per sentence
 * @param vectors one pretrained sentence vector per sentence, or {@code null} for models that do
 *                not read them
 */
public record EncodedArticle(String id, List<String> sentences, int[][] features, float[][] vectors) {

    /** Number of sentences. */
    public int size() {
        return sentences.size();
    }
}
