package org.stancekit.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code stancekit evaluate} reports: the model's evaluation, bootstrap confidence
 * intervals of its macro-F1 figures, baselines evaluated on the same sentences with the same
 * code, and the CI gates with their outcome.
 *
 * @param model which model was evaluated (path or "embedded default model")
 * @param data the labelled file
 * @param split the split evaluated
 * @param evaluation the model's evaluation
 * @param intervals 95% bootstrap intervals by metric key ({@code stance.macro_f1}, …)
 * @param baselines baseline name → its evaluation on the same sentences (may be empty)
 * @param gates the gates checked (may be empty)
 */
public record EvaluationReport(String model, String data, String split, Evaluation evaluation,
                               Map<String, Interval> intervals, Map<String, Evaluation> baselines, List<Gate> gates) {

    public EvaluationReport {
        intervals = Map.copyOf(intervals);
        baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        gates = List.copyOf(gates);
    }

    /**
     * The flat metrics the gates and {@code metrics.json} use: the model's metrics, and for every
     * baseline {@code baselines.<name>.<metric>}.
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>(evaluation.metrics());
        baselines.forEach((name, e) -> e.metrics().forEach((k, v) -> m.put("baselines." + name + "." + k, v)));
        return m;
    }

    /** The same report with these gates (checked against {@link #metrics()} of this one). */
    public EvaluationReport withGates(List<Gate> checked) {
        return new EvaluationReport(model, data, split, evaluation, intervals, baselines, checked);
    }

    /** True when every gate passed (or there are none). */
    public boolean passed() {
        return gates.stream().allMatch(Gate::passed);
    }
}
