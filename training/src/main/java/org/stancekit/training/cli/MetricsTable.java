package org.stancekit.training.cli;

import java.util.Locale;
import org.stancekit.domain.LabelSchema;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.evaluation.Evaluation;

/** A plain-text table of an evaluation for the terminal. */
final class MetricsTable {

    private MetricsTable() {
    }

    static String render(Evaluation e, String split) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%d sentences (%s split)%n", e.size(), split));
        sb.append(String.format(Locale.ROOT, "%-18s %9s %9s%n", "head", "accuracy", "macro-F1"));
        for (int p = 0; p < e.stances().size(); p++) {
            row(sb, "stance " + LabelSchema.column(e.schema().parties().get(p)), e.stances().get(p));
        }
        sb.append(String.format(Locale.ROOT, "%-18s %9s %9.4f%n", "stance (mean)", "", e.meanStanceMacroF1()));
        row(sb, "sentiment", e.sentiment());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, ConfusionMatrix m) {
        sb.append(String.format(Locale.ROOT, "%-18s %9.4f %9.4f%n", name, m.accuracy(), m.macroF1()));
    }
}
