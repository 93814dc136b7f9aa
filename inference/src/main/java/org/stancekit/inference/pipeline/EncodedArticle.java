package org.stancekit.inference.pipeline;

import java.util.List;

/**
 * An article split into sentences, each featurised by the model ({@code StanceModel.encode}).
 *
 * @param id the article id
 * @param sentences the sentences, in order
 * @param inputs one network input per sentence
 */
public record EncodedArticle(String id, List<String> sentences, List<?> inputs) {

    /** Number of sentences. */
    public int size() {
        return sentences.size();
    }
}
