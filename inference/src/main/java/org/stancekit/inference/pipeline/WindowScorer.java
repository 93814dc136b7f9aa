package org.stancekit.inference.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores the sentences of a group of articles (a window) together: the sentences of all its
 * articles are planned into batches across article boundaries ({@link BatchPlan}), run, and
 * their probability rows handed back article by article, in reading order. Big batches amortise
 * the per-call cost of a forward pass, which dominates for short articles and CSV rows.
 */
public final class WindowScorer {

    private final NetworkRunner runner;
    private final int batchSize;
    private final int batchCells;

    /** A window scorer with this runner and these batch limits (see {@link BatchPlan}). */
    public WindowScorer(NetworkRunner runner, int batchSize, int batchCells) {
        this.runner = runner;
        this.batchSize = batchSize;
        this.batchCells = batchCells;
    }

    /** For each article, for each sentence, its probability row. */
    public float[][][] score(List<EncodedArticle> articles) {
        int total = 0;
        for (EncodedArticle a : articles) {
            total += a.size();
        }
        int[][] features = new int[total][];
        int at = 0;
        for (EncodedArticle a : articles) {
            for (int[] f : a.features()) {
                features[at++] = f;
            }
        }
        float[][] rows = new float[total][];
        for (int[] batch : BatchPlan.plan(features, batchSize, batchCells)) {
            List<int[]> encoded = new ArrayList<>(batch.length);
            for (int i : batch) {
                encoded.add(features[i]);
            }
            float[][] out = runner.forward(encoded);
            for (int k = 0; k < batch.length; k++) {
                rows[batch[k]] = out[k];
            }
        }
        float[][][] perArticle = new float[articles.size()][][];
        at = 0;
        for (int a = 0; a < perArticle.length; a++) {
            int n = articles.get(a).size();
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
}
