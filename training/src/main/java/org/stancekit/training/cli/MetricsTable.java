package org.stancekit.training.cli;

import java.util.Locale;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.training.report.EvaluationReport;
import org.stancekit.evaluation.Interval;

/** A plain-text table of an evaluation for the terminal. */
final class MetricsTable {

    private MetricsTable() {
    }

    /** The model's metrics, without intervals (used after training). */
    static String render(Evaluation e, String split) {
        return render(e, split, Map.of(), Map.of());
    }

    /** The model's metrics with 95% intervals, then one line per baseline. */
    static String render(EvaluationReport r) {
        return render(r.evaluation(), r.split(), r.intervals(), r.baselines());
    }

    private static String render(Evaluation e, String split, Map<String, Interval> ci, Map<String, Evaluation> baselines) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%d sentences (%s split)%n", e.size(), split));
        sb.append(String.format(Locale.ROOT, "%-18s %9s %9s %12s  %s%n", "head", "accuracy", "macro-F1", "reference F1",
                ci.isEmpty() ? "" : "95% CI"));
        for (int p = 0; p < e.stances().size(); p++) {
            String party = LabelSchema.column(e.schema().parties().get(p));
            row(sb, "stance " + party, e.stances().get(p), String.format(Locale.ROOT, "%.4f", e.referenceF1(p)),
                    ci.get("stance.parties." + party + ".macro_f1"));
        }
        sb.append(String.format(Locale.ROOT, "%-18s %9s %9.4f %12s  %s%n", "stance (mean)", "", e.meanStanceMacroF1(), "",
                interval(ci.get("stance.macro_f1"))));
        row(sb, "sentiment", e.sentiment(), "", ci.get("sentiment.macro_f1"));
        if (!baselines.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-18s %14s %14s%n", "model", "stance macro-F1", "sentiment macro-F1"));
            sb.append(String.format(Locale.ROOT, "%-18s %14.4f %14.4f%n", "stancekit", e.meanStanceMacroF1(), e.sentiment().macroF1()));
            baselines.forEach((name, b) -> sb.append(String.format(Locale.ROOT, "%-18s %14.4f %14.4f%n", name,
                    b.meanStanceMacroF1(), b.sentiment().macroF1())));
        }
        return sb.toString();
    }

    /** One line per held-out source: its sentences, stance macro-F1 per party and their mean, sentiment. */
    static String bySource(java.util.List<org.stancekit.training.SourceCrossValidation.Fold> folds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nLeave one source out: trained on the other sources, evaluated on all "
                + "sentences of the source left out%n"));
        sb.append(String.format(Locale.ROOT, "%-24s %9s %9s", "source", "sentences", "stance"));
        if (!folds.isEmpty()) {
            folds.get(0).evaluation().schema().parties()
                    .forEach(p -> sb.append(String.format(Locale.ROOT, " %8s", LabelSchema.column(p))));
        }
        sb.append(String.format(Locale.ROOT, " %9s%n", "sentiment"));
        for (var f : folds) {
            Evaluation e = f.evaluation();
            sb.append(String.format(Locale.ROOT, "%-24s %9d %9.4f", f.source(), f.sentences(), e.meanStanceMacroF1()));
            e.stances().forEach(m -> sb.append(String.format(Locale.ROOT, " %8.4f", m.macroF1())));
            sb.append(String.format(Locale.ROOT, " %9.4f%n", e.sentiment().macroF1()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, ConfusionMatrix m, String reference, Interval ci) {
        sb.append(String.format(Locale.ROOT, "%-18s %9.4f %9.4f %12s  %s%n", name, m.accuracy(), m.macroF1(), reference,
                interval(ci)));
    }

    private static String interval(Interval ci) {
        return ci == null ? "" : String.format(Locale.ROOT, "[%.4f, %.4f]", ci.low(), ci.high());
    }
}
