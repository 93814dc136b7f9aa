package org.stancekit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.stancekit.domain.LabelSchema;
import org.stancekit.text.PartyLexicon;
import org.stancekit.domain.Prediction;

/**
 * A trained stance and sentiment model: the steps of its forward path, which every consumer runs
 * alike. The steps are separate so that a streaming scorer can run them on different threads:
 * {@link #encode} and {@link #pack} anywhere, {@link #forward} on the one thread that runs the
 * network. {@link #predict} runs them all on the calling thread.
 *
 * <p>A probability row holds, for one sentence, every party's stance probabilities (schema order,
 * labels in schema order), then the sentiment probabilities. A sentence's row depends on that
 * sentence alone, never on the sentences batched with it.
 *
 * @param <I> one sentence's network input
 * @param <B> a packed batch
 */
public interface StanceModel<I, B> extends AutoCloseable {

    /** The bundle's manifest. */
    Manifest manifest();

    /** The label schema, from the manifest. */
    default LabelSchema schema() {
        return manifest().schema();
    }

    /** The party lexicon the model was trained with: which words name each party. */
    PartyLexicon lexicon();

    /** Featurises one sentence; safe on any thread. */
    I encode(String sentence);

    /**
     * Cuts inputs into batches of indices, at most {@code maxRows} sentences and {@code maxCells}
     * sentences × length each (see {@link BatchPlan}).
     */
    int[][] plan(List<I> inputs, int maxRows, int maxCells);

    /** Packs a batch for {@link #forward}; safe on any thread. */
    B pack(List<I> batch);

    /** One forward pass: the batch's probability rows, in batch order. The batch stays packed. */
    float[][] forward(B batch);

    /** Frees a packed batch's native memory (after its forward pass, or when it will never run). */
    void release(B batch);

    /** One sentence's prediction from its probability row, decision biases applied. */
    Prediction prediction(float[] row);

    /** Sentences per batch when {@link #predict} plans. */
    int defaultBatchRows();

    /** Sentences × length per batch when {@link #predict} plans. */
    int defaultBatchCells();

    /** Predicts every sentence, in order, on the calling thread. */
    default List<Prediction> predict(List<String> sentences) {
        return predictions(rows(sentences));
    }

    /** The predictions of probability rows, in order. */
    default List<Prediction> predictions(float[][] rows) {
        List<Prediction> out = new ArrayList<>(rows.length);
        for (float[] row : rows) {
            out.add(prediction(row));
        }
        return out;
    }

    /** The probability rows of every sentence, in order, on the calling thread. */
    default float[][] rows(List<String> sentences) {
        List<I> inputs = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            inputs.add(encode(s));
        }
        return rowsOf(inputs);
    }

    /** The probability rows of already-encoded sentences, in order, on the calling thread. */
    default float[][] rowsOf(List<I> inputs) {
        float[][] rows = new float[inputs.size()][];
        forEachBatch(inputs, (batch, packed) -> {
            float[][] out = forward(packed);
            for (int k = 0; k < batch.length; k++) {
                rows[batch[k]] = out[k];
            }
        });
        return rows;
    }

    /**
     * Plans {@code inputs} into batches of the default size, packs each and hands it to
     * {@code action} with the indices of its sentences, then releases it: the loop of every
     * whole-list pass on the calling thread.
     */
    default void forEachBatch(List<I> inputs, BiConsumer<int[], B> action) {
        for (int[] batch : plan(inputs, defaultBatchRows(), defaultBatchCells())) {
            B packed = pack(Arrays.stream(batch).mapToObj(inputs::get).toList());
            try {
                action.accept(batch, packed);
            } finally {
                release(packed);
            }
        }
    }

    /** Releases native resources (ONNX Runtime's session, the native tokenizer); a no-op by default. */
    @Override
    default void close() {
    }
}
