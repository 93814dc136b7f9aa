package org.stancekit.training.report;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.evaluation.Interval;
import org.stancekit.evaluation.Reliability;

/**
 * Renders {@code report.html}: the content of {@link MarkdownReport} as one self-contained page
 * with inline CSS and SVG (a bar chart of macro-F1 with 95% intervals and baselines, and a
 * confusion-matrix heatmap per head). It loads nothing, so it opens offline and as an archived CI
 * artifact. The markup is also well-formed XML, which lets tests check the escaping with a parser.
 */
public final class HtmlReport {

    /** System fonts only; no web fonts to fetch. */
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328;\
            line-height:1.45;max-width:64rem;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.7rem;margin-bottom:.5rem}h2{margin-top:2rem;border-bottom:1px solid #d8dee4;\
            padding-bottom:.2rem}
            table{border-collapse:collapse;margin:.6rem 0 1rem}
            th,td{border:1px solid #d0d7de;padding:.25rem .65rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem}
            dl.meta dt{font-weight:600}dl.meta dd{margin:0;overflow-wrap:anywhere}
            .pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}
            .note{color:#57606a;font-size:.9rem}
            .head{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
            figure{margin:1rem 0}figcaption{color:#57606a;font-size:.9rem}
            svg{max-width:100%;height:auto}svg .axis{font-weight:600;fill:#57606a}
            svg .tick{fill:#57606a;font-size:11px}svg .value{font-size:10px}
            code{background:#f6f8fa;padding:0 .25rem;border-radius:3px}
            """;

    private HtmlReport() {
    }

    /** The HTML page of a report. */
    public static String render(EvaluationReport report) {
        ReportView view = new ReportView(report);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.text(ReportView.TITLE + ": " + report.model())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(Xml.text(ReportView.TITLE)).append("</h1>\n");
        html.append("<dl class=\"meta\">\n");
        meta(html, "Model", report.model());
        meta(html, "Data", report.data());
        meta(html, "Split", report.split());
        meta(html, "Sentences", Integer.toString(report.evaluation().size()));
        String gateClass = report.gates().isEmpty() ? "" : report.passed() ? " class=\"pass\"" : " class=\"fail\"";
        html.append("<dt>Gates</dt><dd").append(gateClass).append('>').append(Xml.text(view.gateSummary()))
                .append("</dd>\n</dl>\n");

        headline(html, view);
        if (!report.baselines().isEmpty()) {
            html.append("<h2>Model vs baselines</h2>\n");
            table(html, view.baselineTable());
            html.append("<p class=\"note\">").append(Xml.text(ReportView.BASELINE_NOTE)).append("</p>\n");
        }
        if (!report.bySource().isEmpty()) {
            html.append("<h2>By source</h2>\n");
            table(html, view.sourceTable());
            html.append("<p class=\"note\">").append(Xml.text(ReportView.SOURCE_NOTE)).append("</p>\n");
        }
        if (!report.calibration().isEmpty()) {
            html.append("<h2>Calibration</h2>\n");
            table(html, view.calibrationTable());
            html.append("<p class=\"note\">").append(Xml.text(ReportView.CALIBRATION_NOTE)).append("</p>\n");
            html.append("<div class=\"head\">\n");
            report.calibration().forEach((head, c) -> html.append("<figure>\n")
                    .append(SvgCharts.reliability("Reliability, " + head, c.scored(), c.uncalibrated()))
                    .append("<figcaption>").append(Xml.text(head + ": accuracy against confidence per bin; "
                            + "the diagonal is perfect calibration.")).append("</figcaption>\n</figure>\n"));
            html.append("</div>\n");
        }
        heads(html, view);
        if (report.articles() != null) {
            html.append("<h2>Articles</h2>\n<p>").append(Xml.text(report.articles().evaluation().size() + " documents ("
                    + report.articles().file() + "); roll-up rule: " + report.articles().rule())).append("</p>\n");
            table(html, view.articleTable());
            html.append("<p class=\"note\">").append(Xml.text(ReportView.ARTICLE_NOTE)).append("</p>\n");
            html.append("<div class=\"head\">\n");
            for (ReportView.Head head : view.articleHeads()) {
                html.append("<div>\n<h3>").append(Xml.text(head.title())).append("</h3>\n");
                table(html, ReportView.confusionTable(head.matrix()));
                html.append("</div>\n");
            }
            html.append("</div>\n");
            if (!report.articles().comparison().isEmpty()) {
                html.append("<h3>Roll-up rules compared</h3>\n");
                table(html, view.rollUpTable());
                html.append("<p class=\"note\">").append(Xml.text(ReportView.ROLLUP_NOTE)).append("</p>\n");
            }
        }
        if (!report.mistakes().isEmpty()) {
            html.append("<h2>Most confident mistakes</h2>\n");
            table(html, view.mistakeTable());
        }
        if (!report.provenance().isEmpty()) {
            html.append("<h2>Provenance</h2>\n");
            table(html, view.provenanceTable());
        }
        html.append("<h2>Gates</h2>\n<p>").append(Xml.text(view.gateSummary())).append("</p>\n");
        if (!report.gates().isEmpty()) {
            table(html, view.gateTable());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void headline(StringBuilder html, ReportView view) {
        html.append("<h2>Headline</h2>\n");
        table(html, view.headlineTable());
        html.append("<p class=\"note\">").append(Xml.text(ReportView.HEADLINE_NOTE)).append("</p>\n");
        List<ReportView.Figure> figures = view.figures();
        List<SvgCharts.Series> series = new ArrayList<>();
        for (ReportView.Contender c : view.contenders()) {
            double[] values = new double[figures.size()];
            Interval[] intervals = new Interval[figures.size()];
            for (int i = 0; i < figures.size(); i++) {
                values[i] = view.value(c, figures.get(i).macroF1Key());
                intervals[i] = view.interval(c, figures.get(i).macroF1Key());
            }
            series.add(new SvgCharts.Series(c.name(), values, intervals));
        }
        String caption = "Macro-F1 per party, their mean and sentiment; error bars are 95% bootstrap intervals"
                + (series.size() > 1 ? "; baselines beside the model." : ".");
        html.append("<figure>\n")
                .append(SvgCharts.barChart("Macro-F1 with 95% intervals", figures.stream().map(ReportView.Figure::shortLabel).toList(),
                        series))
                .append("<figcaption>").append(Xml.text(caption)).append("</figcaption>\n</figure>\n");
    }

    private static void heads(StringBuilder html, ReportView view) {
        for (ReportView.Head head : view.heads()) {
            html.append("<h2>").append(Xml.text(head.title())).append("</h2>\n<div class=\"head\">\n<div>\n");
            table(html, ReportView.classTable(head.matrix()));
            html.append("</div>\n<figure>\n")
                    .append(SvgCharts.heatmap("Confusion matrix, " + head.title(), head.matrix()))
                    .append("<figcaption>Rows: gold; columns: predicted; shade: share of the row.</figcaption>\n")
                    .append("</figure>\n</div>\n");
            // The heatmap is a picture; the same counts as a table can be copied and read aloud.
            html.append("<details><summary>Confusion matrix as a table</summary>\n");
            table(html, ReportView.confusionTable(head.matrix()));
            html.append("</details>\n");
        }
    }

    private static void meta(StringBuilder html, String name, String value) {
        html.append("<dt>").append(Xml.text(name)).append("</dt><dd>").append(Xml.text(value)).append("</dd>\n");
    }

    /** A table; every cell is escaped here and decorated by its column's kind. */
    private static void table(StringBuilder html, ReportView.Table table) {
        html.append("<table>\n<thead><tr>");
        table.header().forEach(h -> html.append("<th scope=\"col\">").append(Xml.text(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = Xml.text(row.get(i));
                switch (table.kinds().get(i)) {
                    case NUMBER -> html.append("<td class=\"num\">").append(cell).append("</td>");
                    case CODE -> html.append("<td><code>").append(cell).append("</code></td>");
                    case ROW_HEADER -> html.append("<th scope=\"row\">").append(cell).append("</th>");
                    case STATUS -> html.append("<td class=\"").append("PASS".equals(row.get(i)) ? "pass" : "fail")
                            .append("\">").append(cell).append("</td>");
                    case TEXT -> html.append("<td>").append(cell).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
