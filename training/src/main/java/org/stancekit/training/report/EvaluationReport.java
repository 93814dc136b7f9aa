package org.stancekit.training.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Interval;
import org.stancekit.evaluation.Reliability;

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
 * @param bySource the model's evaluation on each {@code source}'s sentences of the split (may be empty)
 * @param mistakes the model's most confident mistakes per head (may be empty)
 * @param calibration per head name ({@code stance_us}, …, {@code sentiment}), the reliability of
 *                    its probabilities as scored, and (models with fitted temperatures) before
 *                    calibration; may be empty
 * @param provenance where the model came from: base encoder, configuration, seed, data SHA-256 (may be empty)
 * @param fingerprint what the evaluation was computed on (hash, split, sentences), or null when not known;
 *                    {@code metrics.json} records it under {@code data}
 * @param articles the article-level evaluation, or null when there are no article labels
 */
public record EvaluationReport(String model, String data, String split, Evaluation evaluation,
                               Map<String, Interval> intervals, Map<String, Evaluation> baselines, List<Gate> gates,
                               Map<String, Evaluation> bySource, List<Mistake> mistakes,
                               Map<String, Calibrated> calibration, Map<String, String> provenance,
                               DataFingerprint fingerprint, ArticleReport articles) {

    /**
     * One head's calibration.
     *
     * @param scored the reliability of the probabilities the model outputs
     * @param uncalibrated the reliability before the fitted temperature, or null when none was fitted
     */
    public record Calibrated(Reliability scored, Reliability uncalibrated) {
    }

    public EvaluationReport {
        intervals = Map.copyOf(intervals);
        baselines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        gates = List.copyOf(gates);
        bySource = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bySource));
        mistakes = List.copyOf(mistakes);
        calibration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** A report without a {@linkplain #fingerprint() data fingerprint} or article evaluation. */
    public EvaluationReport(String model, String data, String split, Evaluation evaluation,
                            Map<String, Interval> intervals, Map<String, Evaluation> baselines, List<Gate> gates,
                            Map<String, Evaluation> bySource, List<Mistake> mistakes,
                            Map<String, Calibrated> calibration, Map<String, String> provenance) {
        this(model, data, split, evaluation, intervals, baselines, gates, bySource, mistakes, calibration, provenance,
                null, null);
    }

    /** A report of the model's evaluation, intervals, baselines and gates alone. */
    public EvaluationReport(String model, String data, String split, Evaluation evaluation,
                            Map<String, Interval> intervals, Map<String, Evaluation> baselines, List<Gate> gates) {
        this(model, data, split, evaluation, intervals, baselines, gates, Map.of(), List.of(), Map.of(), Map.of(), null,
                null);
    }

    /**
     * The flat metrics the gates and {@code metrics.json} use: the model's metrics, for every
     * baseline {@code baselines.<name>.<metric>}, for every source {@code sources.<source>.<metric>},
     * per head {@code calibration.<head>.ece} (and {@code .ece_uncalibrated}), and with article
     * labels the article metrics ({@code articles.stance.macro_f1}, …).
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>(evaluation.metrics());
        if (articles != null) {
            m.putAll(articles.evaluation().metrics());
        }
        baselines.forEach((name, e) -> e.metrics().forEach((k, v) -> m.put("baselines." + name + "." + k, v)));
        bySource.forEach((source, e) -> e.metrics().forEach((k, v) -> m.put("sources." + source + "." + k, v)));
        calibration.forEach((head, c) -> {
            m.put("calibration." + head + ".ece", c.scored().ece());
            if (c.uncalibrated() != null) {
                m.put("calibration." + head + ".ece_uncalibrated", c.uncalibrated().ece());
            }
        });
        return m;
    }

    /** The same report with these gates (checked against {@link #metrics()} of this one). */
    public EvaluationReport withGates(List<Gate> checked) {
        return new EvaluationReport(model, data, split, evaluation, intervals, baselines, checked, bySource, mistakes,
                calibration, provenance, fingerprint, articles);
    }

    /** The same report with this article-level evaluation. */
    public EvaluationReport withArticles(ArticleReport articleReport) {
        return new EvaluationReport(model, data, split, evaluation, intervals, baselines, gates, bySource, mistakes,
                calibration, provenance, fingerprint, articleReport);
    }

    /** The intervals of the sentence metrics and, with article labels, of the article metrics. */
    public Map<String, Interval> allIntervals() {
        if (articles == null) {
            return intervals;
        }
        Map<String, Interval> all = new LinkedHashMap<>(intervals);
        all.putAll(articles.intervals());
        return all;
    }

    /** True when every gate passed (or there are none). */
    public boolean passed() {
        return gates.stream().allMatch(Gate::passed);
    }
}
