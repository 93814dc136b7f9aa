package org.stancekit.training.report;

/**
 * Renders {@code report.md}: the headline figures with their 95% intervals, the model against
 * its baselines, per head a per-class table and the confusion matrix, and the gates. Plain
 * GitHub-flavoured Markdown, so that it also serves as a CI job summary.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown text of a report. */
    public static String render(EvaluationReport report) {
        ReportView view = new ReportView(report);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(ReportView.TITLE).append("\n\n");
        md.append("- **Model:** ").append(escape(report.model())).append('\n');
        md.append("- **Data:** ").append(escape(report.data())).append('\n');
        md.append("- **Split:** ").append(escape(report.split())).append('\n');
        md.append("- **Sentences:** ").append(report.evaluation().size()).append('\n');
        md.append("- **Gates:** ").append(view.gateSummary()).append("\n\n");

        md.append("## Headline\n\n");
        table(md, view.headlineTable());
        md.append('\n').append(ReportView.HEADLINE_NOTE).append("\n\n");

        if (!report.baselines().isEmpty()) {
            md.append("## Model vs baselines\n\n");
            table(md, view.baselineTable());
            md.append('\n').append(ReportView.BASELINE_NOTE).append("\n\n");
        }

        if (!report.bySource().isEmpty()) {
            md.append("## By source\n\n");
            table(md, view.sourceTable());
            md.append('\n').append(ReportView.SOURCE_NOTE).append("\n\n");
        }
        if (!report.calibration().isEmpty()) {
            md.append("## Calibration\n\n");
            table(md, view.calibrationTable());
            md.append('\n').append(ReportView.CALIBRATION_NOTE).append("\n\n");
        }

        for (ReportView.Head head : view.heads()) {
            md.append("## ").append(escape(head.title())).append("\n\n");
            table(md, ReportView.classTable(head.matrix()));
            md.append("\nConfusion matrix (rows: gold, columns: predicted):\n\n");
            table(md, ReportView.confusionTable(head.matrix()));
            md.append('\n');
        }

        if (report.articles() != null) {
            md.append("## Articles\n\n- **Documents:** ").append(report.articles().evaluation().size())
                    .append(" (").append(escape(report.articles().file())).append(")\n- **Roll-up rule:** ")
                    .append(escape(report.articles().rule())).append("\n\n");
            table(md, view.articleTable());
            md.append('\n').append(ReportView.ARTICLE_NOTE).append("\n\n");
            for (ReportView.Head head : view.articleHeads()) {
                md.append("### ").append(escape(head.title())).append("\n\n");
                table(md, ReportView.confusionTable(head.matrix()));
                md.append('\n');
            }
            if (!report.articles().comparison().isEmpty()) {
                md.append("### Roll-up rules compared\n\n");
                table(md, view.rollUpTable());
                md.append('\n').append(ReportView.ROLLUP_NOTE).append("\n\n");
            }
        }
        if (!report.mistakes().isEmpty()) {
            md.append("## Most confident mistakes\n\n");
            table(md, view.mistakeTable());
            md.append('\n');
        }
        if (!report.provenance().isEmpty()) {
            md.append("## Provenance\n\n");
            table(md, view.provenanceTable());
            md.append('\n');
        }

        md.append("## Gates\n\n").append(view.gateSummary()).append('\n');
        if (!report.gates().isEmpty()) {
            md.append('\n');
            table(md, view.gateTable());
        }
        return md.toString();
    }

    private static void table(StringBuilder md, ReportView.Table table) {
        md.append('|');
        table.header().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|");
        table.kinds().forEach(k -> md.append(k == ReportView.Kind.NUMBER ? " ---: |" : " --- |"));
        md.append('\n');
        for (var row : table.rows()) {
            md.append('|');
            for (int i = 0; i < row.size(); i++) {
                md.append(' ').append(cell(table.kinds().get(i), row.get(i))).append(" |");
            }
            md.append('\n');
        }
    }

    private static String cell(ReportView.Kind kind, String text) {
        return switch (kind) {
            // Numbers are ours and hold no Markdown; left unescaped they stay readable in the raw file.
            case NUMBER -> text;
            case CODE -> text.contains("`") ? escape(text) : "`" + text.replace("|", "\\|").replace('\n', ' ') + "`";
            case ROW_HEADER, STATUS -> "**" + escape(text) + "**";
            case TEXT -> escape(text);
        };
    }

    /**
     * Escapes user text (paths, labels, names, messages): a backslash before every character that
     * could start Markdown or inline HTML or end a table cell, which CommonMark allows for any
     * ASCII punctuation; line breaks become spaces so that a value stays on its line.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '<', '&' -> sb.append('\\').append(c);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
