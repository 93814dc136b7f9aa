package org.stancekit.inference.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.model.StanceModel;

/**
 * Scores the sentences of a group of articles (a window) together: the sentences of all its
 * articles are planned into batches across article boundaries ({@code StanceModel.plan}), run, and
 * their probability rows handed back article by article, in reading order. Big batches amortise
 * the per-call cost of a forward pass, which dominates for short articles and CSV rows.
 *
 * <p>Scoring is two steps, {@link #pack} and {@link #run}, so that the streaming pipeline can
 * plan and pack the next window on another thread while the network runs this one: only the
 * forward passes are left on the one thread that cannot be parallelised.
 *
 * @param <I> the model's sentence input
 * @param <B> the model's packed batch
 */
public final class WindowScorer<I, B> {

    private final StanceModel<I, B> model;
    private final int batchSize;
    private final int batchCells;

    /** A window's sentences planned into batches and packed into network input. */
    public record PackedWindow(int[] articleSizes, int[][] plan, List<?> batches) {
    }

    /** A window scorer with this model and these batch limits (see {@code BatchPlan}). */
    public WindowScorer(StanceModel<I, B> model, int batchSize, int batchCells) {
        this.model = model;
        this.batchSize = batchSize;
        this.batchCells = batchCells;
    }

    /** For each article, for each sentence, its probability row: {@link #run} of {@link #pack}. */
    public float[][][] score(List<EncodedArticle> articles) {
        return run(pack(articles));
    }

    /**
     * Plans the articles' sentences into batches and packs each batch; any thread. The articles
     * must have been encoded by this scorer's model (their inputs are its inputs).
     */
    @SuppressWarnings("unchecked")
    public PackedWindow pack(List<EncodedArticle> articles) {
        int[] sizes = new int[articles.size()];
        List<I> inputs = new ArrayList<>();
        for (int a = 0; a < sizes.length; a++) {
            sizes[a] = articles.get(a).size();
            inputs.addAll((List<I>) articles.get(a).inputs());
        }
        int[][] plan = model.plan(inputs, batchSize, batchCells);
        List<B> batches = new ArrayList<>(plan.length);
        for (int[] batch : plan) {
            List<I> picked = new ArrayList<>(batch.length);
            for (int i : batch) {
                picked.add(inputs.get(i));
            }
            batches.add(model.pack(picked));
        }
        return new PackedWindow(sizes, plan, batches);
    }

    /**
     * Runs a packed window's forward passes and returns, for each article, for each sentence, its
     * probability row, in reading order; frees the packed input.
     */
    @SuppressWarnings("unchecked")
    public float[][][] run(PackedWindow window) {
        int total = 0;
        for (int n : window.articleSizes()) {
            total += n;
        }
        float[][] rows = new float[total][];
        try {
            for (int b = 0; b < window.plan().length; b++) {
                int[] batch = window.plan()[b];
                float[][] out = model.forward((B) window.batches().get(b));
                for (int k = 0; k < batch.length; k++) {
                    rows[batch[k]] = out[k];
                }
            }
        } finally {
            release(window);
        }
        float[][][] perArticle = new float[window.articleSizes().length][][];
        int at = 0;
        for (int a = 0; a < perArticle.length; a++) {
            int n = window.articleSizes()[a];
            perArticle[a] = new float[n][];
            System.arraycopy(rows, at, perArticle[a], 0, n);
            at += n;
        }
        return perArticle;
    }

    /**
     * Runs a packed window's forward passes and discards the result, keeping the packed input
     * for another run: the benchmark's measure of the network alone.
     *
     * @return the sentences run
     */
    @SuppressWarnings("unchecked")
    public long forwardOnly(PackedWindow window) {
        long n = 0;
        for (int b = 0; b < window.plan().length; b++) {
            model.forward((B) window.batches().get(b));
            n += window.plan()[b].length;
        }
        return n;
    }

    /** Frees a packed window's input (after {@link #forwardOnly}, or when it will never run). */
    @SuppressWarnings("unchecked")
    public void release(PackedWindow window) {
        window.batches().forEach(batch -> model.release((B) batch));
    }
}
