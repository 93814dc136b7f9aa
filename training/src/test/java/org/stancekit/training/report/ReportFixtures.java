package org.stancekit.training.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.stancekit.evaluation.Bootstrap;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.evaluation.Interval;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

/** Small hand-made evaluations and reports for the report tests. */
final class ReportFixtures {

    /** A model name that must be escaped everywhere. */
    static final String MODEL = "models/<new&improved>.zip";

    static final LabelSchema SCHEMA = LabelSchema.DEFAULT;

    /** Gold labels of eight sentences, stances in schema order (US, UKRAINE, RUSSIA, EUROPE). */
    static final List<Labels> GOLD = List.of(
            labels("NEGATIVE", "FAVOR", "NONE", "AGAINST", "NONE"),
            labels("POSITIVE", "AGAINST", "FAVOR", "NONE", "NEUTRAL"),
            labels("NEUTRAL", "NONE", "AGAINST", "FAVOR", "NONE"),
            labels("NEGATIVE", "NEUTRAL", "NONE", "NONE", "FAVOR"),
            labels("POSITIVE", "FAVOR", "FAVOR", "AGAINST", "NONE"),
            labels("NEGATIVE", "NONE", "NONE", "NONE", "AGAINST"),
            labels("NEUTRAL", "AGAINST", "NEUTRAL", "FAVOR", "NONE"),
            labels("NEGATIVE", "NONE", "FAVOR", "AGAINST", "FAVOR"));

    /** The model's predictions: right on most sentences, wrong on three. */
    static final List<Labels> PREDICTED = List.of(
            GOLD.get(0),
            GOLD.get(1),
            labels("NEGATIVE", "NONE", "AGAINST", "FAVOR", "NONE"),
            GOLD.get(3),
            labels("POSITIVE", "FAVOR", "NONE", "AGAINST", "FAVOR"),
            GOLD.get(5),
            labels("NEUTRAL", "NONE", "NEUTRAL", "FAVOR", "NONE"),
            GOLD.get(7));

    /** A majority baseline: no stance, negative sentiment. */
    static final List<Labels> BASELINE = GOLD.stream()
            .map(l -> labels("NEGATIVE", "NONE", "NONE", "NONE", "NONE")).toList();

    static final String BASELINE_NAME = "weka_nb";

    private ReportFixtures() {
    }

    static Labels labels(String sentiment, String... stances) {
        return new Labels(Arrays.asList(stances), sentiment);
    }

    static Evaluation evaluation() {
        return new Evaluator().evaluate(SCHEMA, GOLD, PREDICTED);
    }

    /** The full report: intervals, one baseline, a passing and a failing gate. */
    static EvaluationReport report() {
        Evaluation evaluation = evaluation();
        Evaluation baseline = new Evaluator().evaluate(SCHEMA, GOLD, BASELINE);
        Map<String, Interval> intervals = new Bootstrap(200, 42).macroF1Intervals(SCHEMA, GOLD, PREDICTED);
        double stance = evaluation.meanStanceMacroF1();
        double sentiment = evaluation.sentiment().macroF1();
        List<Gate> gates = List.of(
                new Gate("stance.macro_f1 >= floor", "stance.macro_f1", stance, 0.5, stance >= 0.5, ""),
                new Gate("sentiment.macro_f1 >= floor", "sentiment.macro_f1", sentiment, 0.99, sentiment >= 0.99,
                        "sentiment.macro_f1 is below --fail-under 0.99"));
        return new EvaluationReport(MODEL, "datasets/labelled/sentences.csv", "test", evaluation, intervals,
                Map.of(BASELINE_NAME, baseline), gates);
    }

    /** A report without intervals, baselines or gates. */
    static EvaluationReport bareReport() {
        return new EvaluationReport("embedded default model", "data.csv", "dev", evaluation(), Map.of(), Map.of(),
                List.of());
    }
}
