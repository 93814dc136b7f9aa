package org.stancekit.inference.pipeline;

import java.util.List;

/**
 * An article split into sentences, each encoded into feature indices.
 *
 * @param id the article id
 * @param sentences the sentences, in order
 * @param features one feature index array per sentence
 */
public record EncodedArticle(String id, List<String> sentences, int[][] features) {

    /** Number of sentences. */
    public int size() {
        return sentences.size();
    }
}
