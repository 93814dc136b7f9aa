package org.stancekit.training.articles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stancekit.evaluation.ArticleEvaluation;
import org.stancekit.inference.aggregate.RollUpRule;

/**
 * Every candidate roll-up rule on the same scored articles, best first: how {@link RollUpRule#DEFAULT}
 * was chosen on the dev articles ({@code evaluate --split dev --compare-rollups}). Rules are
 * ranked by the mean over parties of the article macro-F1.
 */
public final class RollUpComparison {

    /**
     * One candidate's result.
     *
     * @param rule what the rule is ({@link RollUpRule#describe()}, or the learned model's name)
     * @param evaluation its evaluation on the articles
     */
    public record Row(String rule, ArticleEvaluation evaluation) {
    }

    private RollUpComparison() {
    }

    /**
     * Every candidate of {@link RollUpRule#candidates()}, and the learned rule when train articles
     * are given (fitted on them), evaluated on {@code articles}, best first.
     *
     * @param train scored train articles for the learned rule; may be empty (no learned row)
     */
    public static List<Row> compare(ScoredArticles articles, ScoredArticles train) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (RollUpRule rule : RollUpRule.candidates()) {
            rows.add(new Row(rule.describe(), articles.evaluate(rule)));
        }
        if (!train.isEmpty()) {
            rows.add(new Row("learned: logistic regression on 8 evidence statistics (train articles)",
                    LearnedRollUp.fit(train, 1.0).evaluate(articles)));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.evaluation().meanMacroF1()));
        return rows;
    }
}
