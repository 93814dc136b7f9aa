package org.stancekit.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;

/**
 * K-fold cross-validation by document over the train and dev splits (the test split is never
 * touched). Documents are shuffled with the seed and dealt, largest first, to the fold with the
 * fewest sentences, so folds are of similar size and no document straddles two folds. Fold
 * {@code i} is the test fold, fold {@code i+1} the dev fold used for early stopping, and the
 * rest train.
 */
public final class CrossValidation {

    /**
     * Per-fold evaluations and the mean and sample standard deviation of every metric.
     *
     * @param folds the evaluation of each fold's held-out documents
     * @param mean metric key → mean over folds
     * @param std metric key → sample standard deviation over folds
     */
    public record Result(List<Evaluation> folds, Map<String, Double> mean, Map<String, Double> std) {
    }

    private final Trainer trainer;
    private final long seed;

    /** Cross-validates with {@code trainer}; {@code seed} shuffles the documents into folds. */
    public CrossValidation(Trainer trainer, long seed) {
        this.trainer = trainer;
        this.seed = seed;
    }

    /**
     * Deals documents ({@code source/doc_id}) to {@code k} folds: shuffled with the seed, largest
     * first, each to the fold with the fewest sentences so far.
     *
     * @throws IllegalArgumentException with fewer documents than folds
     */
    static Map<String, Integer> folds(List<LabelledSentence> pool, int k, long seed) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        pool.forEach(s -> sizes.merge(key(s), 1, Integer::sum));
        if (sizes.size() < k) {
            throw new IllegalArgumentException(sizes.size() + " documents are too few for " + k + " folds");
        }
        List<String> docs = new ArrayList<>(sizes.keySet());
        java.util.Collections.shuffle(docs, new Random(seed));
        docs.sort(Comparator.comparingInt((String d) -> -sizes.get(d))); // stable: the shuffle breaks ties
        int[] filled = new int[k];
        Map<String, Integer> fold = new LinkedHashMap<>();
        for (String doc : docs) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (filled[f] < filled[smallest]) {
                    smallest = f;
                }
            }
            fold.put(doc, smallest);
            filled[smallest] += sizes.get(doc);
        }
        return fold;
    }

    private static String key(LabelledSentence s) {
        return s.source() + "/" + s.docId();
    }

    /** Runs {@code k} folds. */
    public Result run(Dataset data, List<AuxiliaryExample> auxiliary, int k, Map<String, String> trainingFiles) {
        if (k < 3) {
            throw new IllegalArgumentException("--cv needs at least 3 folds (one test, one dev, the rest train), got " + k);
        }
        List<LabelledSentence> pool = data.sentences().stream().filter(s -> s.split() != Split.TEST).toList();
        Map<String, Integer> fold = folds(pool, k, seed);
        List<Evaluation> evaluations = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int testFold = f;
            int devFold = (f + 1) % k;
            List<LabelledSentence> rows = new ArrayList<>(pool.size());
            for (LabelledSentence s : pool) {
                int of = fold.get(key(s));
                Split split = of == testFold ? Split.TEST : of == devFold ? Split.DEV : Split.TRAIN;
                rows.add(new LabelledSentence(s.id(), s.source(), s.docId(), s.position(), s.text(), s.labels(), split));
            }
            evaluations.add(trainer.train(new Dataset(data.origin() + " fold " + (f + 1), data.schema(), rows),
                    auxiliary, trainingFiles).test());
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        for (String key : evaluations.get(0).metrics().keySet()) {
            double[] v = evaluations.stream().mapToDouble(e -> e.metrics().get(key)).toArray();
            double m = java.util.Arrays.stream(v).average().orElse(0);
            double ss = java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum();
            mean.put(key, m);
            std.put(key, Math.sqrt(ss / (v.length - 1)));
        }
        return new Result(evaluations, mean, std);
    }
}
