package org.stancekit.training.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the evaluation report folder of {@code stancekit evaluate --report DIR}:
 * {@value #METRICS_JSON} for machines and CI gates ({@link MetricsJson}), {@value #REPORT_MD} for
 * reading in a terminal or a CI summary ({@link MarkdownReport}), {@value #REPORT_HTML} as one
 * self-contained page with charts ({@link HtmlReport}), and {@value #JUNIT_XML} for a CI server's
 * test view ({@link JUnitReport}). All files are UTF-8; apart from the inputs nothing varies
 * between runs (no timestamps), so two reports of the same evaluation are byte-identical.
 */
public final class ReportWriter {

    /** The metrics file's name. */
    public static final String METRICS_JSON = "metrics.json";

    /** The Markdown report's name. */
    public static final String REPORT_MD = "report.md";

    /** The HTML report's name. */
    public static final String REPORT_HTML = "report.html";

    /** The JUnit XML file's name. */
    public static final String JUNIT_XML = "junit.xml";

    /**
     * Creates {@code dir} (and its parents) if needed and writes the four files into it,
     * replacing earlier ones.
     */
    public void write(EvaluationReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        MetricsJson.write(report, dir.resolve(METRICS_JSON));
        Files.writeString(dir.resolve(REPORT_MD), MarkdownReport.render(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(REPORT_HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JUNIT_XML), JUnitReport.render(report), StandardCharsets.UTF_8);
    }
}
