package org.stancekit.inference.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;

/**
 * Scores the sentences of a group of articles (a window) together: the sentences of all its
 * articles are planned into batches across article boundaries ({@link BatchPlan}), run, and
 * their probability rows handed back article by article, in reading order. Big batches amortise
 * the per-call cost of a forward pass, which dominates for short articles and CSV rows.
 *
 * <p>Scoring is two steps, {@link #pack} and {@link #run}, so that the streaming pipeline can
 * plan and pack the next window on another thread while the network runs this one: only the
 * forward passes are left on the one thread that cannot be parallelised.
 */
public final class WindowScorer {

    private final NetworkRunner runner;
    private final int batchSize;
    private final int batchCells;

    /** A window's sentences planned into batches and packed into network input. */
    public record PackedWindow(int[] articleSizes, int[][] plan, List<EncodedBatch> batches) {
        /** Frees the packed input's native memory (after {@link #run}, or when it will never run). */
        void release() {
            batches.forEach(NetworkRunner::release);
        }
    }

    /** A window scorer with this runner and these batch limits (see {@link BatchPlan}). */
    public WindowScorer(NetworkRunner runner, int batchSize, int batchCells) {
        this.runner = runner;
        this.batchSize = batchSize;
        this.batchCells = batchCells;
    }

    /** For each article, for each sentence, its probability row: {@link #run} of {@link #pack}. */
    public float[][][] score(List<EncodedArticle> articles) {
        return run(pack(articles));
    }

    /** Plans the articles' sentences into batches and packs each batch; any thread. */
    public PackedWindow pack(List<EncodedArticle> articles) {
        int[] sizes = new int[articles.size()];
        int total = 0;
        for (int a = 0; a < sizes.length; a++) {
            sizes[a] = articles.get(a).size();
            total += sizes[a];
        }
        int[][] features = new int[total][];
        // Sentence vectors ride along with their features; all articles of a model have them or none do.
        float[][] vectors = articles.isEmpty() || articles.get(0).vectors() == null ? null : new float[total][];
        int at = 0;
        for (EncodedArticle a : articles) {
            for (int k = 0; k < a.size(); k++) {
                features[at] = a.features()[k];
                if (vectors != null) {
                    vectors[at] = a.vectors()[k];
                }
                at++;
            }
        }
        int[][] plan = BatchPlan.plan(features, batchSize, batchCells);
        return new PackedWindow(sizes, plan, packAll(plan, features, vectors));
    }

    /**
     * Runs a packed window's forward passes and returns, for each article, for each sentence, its
     * probability row, in reading order; frees the packed input.
     */
    public float[][][] run(PackedWindow window) {
        int total = 0;
        for (int n : window.articleSizes()) {
            total += n;
        }
        float[][] rows = new float[total][];
        try {
            for (int b = 0; b < window.plan().length; b++) {
                int[] batch = window.plan()[b];
                float[][] out = runner.forward(window.batches().get(b));
                for (int k = 0; k < batch.length; k++) {
                    rows[batch[k]] = out[k];
                }
            }
        } finally {
            window.release();
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

    /** The runner. */
    public NetworkRunner runner() {
        return runner;
    }

    /**
     * Packs each planned batch of sentences (indices into {@code features} and {@code vectors}, the
     * latter {@code null} for models without sentence vectors) into network input.
     */
    private static List<EncodedBatch> packAll(int[][] plan, int[][] features, float[][] vectors) {
        List<int[]> rows = Arrays.asList(features);
        List<EncodedBatch> batches = new ArrayList<>(plan.length);
        for (int[] batch : plan) {
            batches.add(FeatureEncoder.batch(batch, rows, vectors));
        }
        return batches;
    }
}
