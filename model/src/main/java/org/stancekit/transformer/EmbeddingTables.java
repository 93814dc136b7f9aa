package org.stancekit.transformer;

/**
 * The encoder's frozen input tables: word pieces, positions and the first token type. Their sum
 * per token is the encoder's input; it is computed here, outside the graph (see {@link EncoderGraph}).
 */
final class EmbeddingTables {

    private final float[] words;
    private final float[] positions;
    private final float[] type;
    private final int width;
    private final int vocabulary;
    private final int maxPositions;

    EmbeddingTables(EncoderWeights w) {
        words = w.get("embeddings.word_embeddings.weight");
        positions = w.get("embeddings.position_embeddings.weight");
        type = w.get("embeddings.token_type_embeddings.weight");
        width = w.hidden();
        vocabulary = w.vocabulary();
        maxPositions = w.maxPositions();
    }

    int width() {
        return width;
    }

    int maxPositions() {
        return maxPositions;
    }

    /** Writes the input embedding of token {@code id} at {@code position} into {@code out} at {@code at}. */
    void sum(int id, int position, float[] out, int at) {
        if (id < 0 || id >= vocabulary || position >= maxPositions) {
            throw new IllegalArgumentException("token id " + id + " or position " + position + " out of range");
        }
        int w = id * width;
        int p = position * width;
        for (int d = 0; d < width; d++) {
            out[at + d] = words[w + d] + positions[p + d] + type[d];
        }
    }
}
