package org.stancekit.training.report;

import java.util.List;
import java.util.Map;
import org.stancekit.evaluation.ArticleEvaluation;
import org.stancekit.evaluation.Interval;
import org.stancekit.training.articles.RollUpComparison;

/**
 * The article-level part of an evaluation report: the labelled articles of the split, scored as
 * {@code score} scores them and rolled up by the rule {@code score} uses.
 *
 * @param file the article labels file
 * @param rule the roll-up rule evaluated ({@code RollUpRule.describe()})
 * @param evaluation its evaluation against the article labels
 * @param intervals 95% bootstrap intervals (documents resampled) by metric key ({@code articles.stance.macro_f1}, …)
 * @param comparison every candidate roll-up rule on the same articles, best first; empty unless asked for
 */
public record ArticleReport(String file, String rule, ArticleEvaluation evaluation, Map<String, Interval> intervals,
                            List<RollUpComparison.Row> comparison) {

    public ArticleReport {
        intervals = Map.copyOf(intervals);
        comparison = List.copyOf(comparison);
    }
}
