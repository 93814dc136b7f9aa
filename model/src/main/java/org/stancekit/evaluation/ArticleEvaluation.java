package org.stancekit.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;

/**
 * The result of evaluating article-level stances (one label per party per document) against
 * article labels.
 *
 * @param schema the labels evaluated
 * @param stances one confusion matrix per party, in schema order
 */
public record ArticleEvaluation(LabelSchema schema, List<ConfusionMatrix> stances) {

    public ArticleEvaluation {
        stances = List.copyOf(stances);
        if (stances.size() != schema.parties().size()) {
            throw new IllegalArgumentException("one stance matrix per party expected");
        }
    }

    /**
     * Compares predicted with gold article stances, document by document.
     *
     * @param gold per document, one stance per party in schema order
     * @param predicted the same for the predictions
     */
    public static ArticleEvaluation of(LabelSchema schema, List<List<String>> gold, List<List<String>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold documents but " + predicted.size() + " predicted");
        }
        List<ConfusionMatrix> stances = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            int party = p;
            stances.add(ConfusionMatrix.of(schema.stances(), gold.stream().map(l -> l.get(party)).toList(),
                    predicted.stream().map(l -> l.get(party)).toList()));
        }
        return new ArticleEvaluation(schema, stances);
    }

    /** Mean of the per-party macro-F1: the headline article figure. */
    public double meanMacroF1() {
        return stances.stream().mapToDouble(ConfusionMatrix::macroF1).average().orElse(0.0);
    }

    /** Documents evaluated. */
    public int size() {
        return stances.isEmpty() ? 0 : stances.get(0).total();
    }

    /**
     * The flat metrics, keyed as in {@code metrics.json}: {@code articles.stance.macro_f1} and
     * {@code .accuracy}, and per party {@code articles.stance.parties.<party>.macro_f1} and
     * {@code .accuracy}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("articles.stance.macro_f1", meanMacroF1());
        m.put("articles.stance.accuracy", stances.stream().mapToDouble(ConfusionMatrix::accuracy).average().orElse(0.0));
        for (int p = 0; p < stances.size(); p++) {
            String prefix = "articles.stance.parties." + LabelSchema.column(schema.parties().get(p)) + ".";
            m.put(prefix + "macro_f1", stances.get(p).macroF1());
            m.put(prefix + "accuracy", stances.get(p).accuracy());
        }
        return m;
    }

    /** 95% bootstrap intervals of the macro-F1 metrics, resampling whole documents. */
    public static Map<String, Interval> intervals(Bootstrap bootstrap, LabelSchema schema, List<List<String>> gold,
                                                  List<List<String>> predicted) {
        List<List<String>> g = new ArrayList<>(gold.size());
        List<List<String>> p = new ArrayList<>(gold.size());
        return bootstrap.intervals(gold.size(), sample -> {
            g.clear();
            p.clear();
            for (int k : sample) {
                g.add(gold.get(k));
                p.add(predicted.get(k));
            }
            return of(schema, g, p).metrics();
        }, 0.95);
    }
}
