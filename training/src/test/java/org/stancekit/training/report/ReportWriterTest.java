package org.stancekit.training.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.evaluation.Bootstrap;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.evaluation.Interval;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.runtime.Json;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportWriterTest {

    private static final LabelSchema SCHEMA = ReportFixtures.SCHEMA;
    private static final int SCHEMA_HEADS = SCHEMA.parties().size() + 1;

    @TempDir
    static Path dir;

    static EvaluationReport report;
    static Evaluation evaluation;

    @BeforeAll
    static void writeReport() throws IOException {
        report = ReportFixtures.report();
        evaluation = report.evaluation();
        new ReportWriter().write(report, dir.resolve("nested/report"));
    }

    private static String read(String name) throws IOException {
        return Files.readString(dir.resolve("nested/report").resolve(name), StandardCharsets.UTF_8);
    }

    private static Document parseXml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The JSON node at a dotted metric key. */
    private static JsonNode at(JsonNode root, String dotted) {
        return root.at("/" + dotted.replace('.', '/'));
    }

    @Test
    void fixtureHasWhatTheReportShouldShow() {
        assertTrue(report.gates().get(0).passed(), "first gate passes");
        assertFalse(report.gates().get(1).passed(), "second gate fails");
        assertTrue(report.intervals().containsKey("stance.macro_f1"));
    }

    @Test
    void metricsJsonHoldsMetricsIntervalsBaselinesAndGates() throws IOException {
        JsonNode json = Json.MAPPER.readTree(read(ReportWriter.METRICS_JSON));
        assertEquals(ReportFixtures.MODEL, json.get("model").asText());
        assertEquals("test", json.get("split").asText());
        assertEquals(8, json.get("sentences").asInt());
        assertEquals(evaluation.meanStanceMacroF1(), json.at("/stance/macro_f1").asDouble(), 1e-12);

        JsonNode ci = json.at("/stance/macro_f1_ci95");
        Interval expected = report.intervals().get("stance.macro_f1");
        assertEquals(2, ci.size());
        assertEquals(expected.low(), ci.get(0).asDouble(), 1e-12);
        assertEquals(expected.high(), ci.get(1).asDouble(), 1e-12);
        assertTrue(json.at("/stance/parties/ukraine/macro_f1_ci95").isArray());
        assertTrue(json.at("/sentiment/macro_f1_ci95").isArray());

        double baseline = report.baselines().get(ReportFixtures.BASELINE_NAME).meanStanceMacroF1();
        assertEquals(baseline, json.at("/baselines/weka_nb/stance/macro_f1").asDouble(), 1e-12);

        // Every flat key, the model's and the baselines', is a path in the file.
        for (Map.Entry<String, Double> e : report.metrics().entrySet()) {
            JsonNode node = at(json, e.getKey());
            assertTrue(node.isNumber(), e.getKey() + " resolves");
            assertEquals(e.getValue(), node.asDouble(), 1e-12, e.getKey());
        }
        // The per-class details and confusion matrices of toJson(Evaluation, …) are still there.
        assertEquals(evaluation.stances().get(0).f1(0), json.at("/stance/parties/us/classes/favor/f1").asDouble(),
                1e-12);
        assertEquals(evaluation.sentiment().count(0, 0), json.at("/sentiment/confusion/counts/0/0").asInt());

        JsonNode gates = json.get("gates");
        assertEquals(2, gates.size());
        JsonNode failed = gates.get(1);
        assertEquals("sentiment.macro_f1 >= floor", failed.get("name").asText());
        assertEquals("sentiment.macro_f1", failed.get("metric").asText());
        assertEquals(evaluation.sentiment().macroF1(), failed.get("actual").asDouble(), 1e-12);
        assertEquals(0.99, failed.get("limit").asDouble(), 1e-12);
        assertFalse(failed.get("passed").asBoolean());
        assertEquals("sentiment.macro_f1 is below --fail-under 0.99", failed.get("message").asText());
        assertTrue(gates.get(0).get("passed").asBoolean());
    }

    @Test
    void legacyMetricsJsonIsUnchanged() {
        JsonNode json = MetricsJson.toJson(evaluation, Map.of("model", "m"));
        assertEquals("m", json.get("model").asText());
        assertEquals(evaluation.meanStanceMacroF1(), json.at("/stance/macro_f1").asDouble(), 1e-12);
        assertTrue(json.at("/stance/parties/europe/confusion/counts").isArray());
        assertFalse(json.has("gates"));
        assertFalse(json.has("baselines"));
        assertTrue(json.at("/stance/macro_f1_ci95").isMissingNode());
    }

    @Test
    void gateOnAMissingMetricWritesNull() {
        EvaluationReport r = new EvaluationReport("m", "d", "test", evaluation, Map.of(), Map.of(),
                List.of(new Gate("nope >= floor", "nope", Double.NaN, 0.5, false, "no metric nope")));
        assertTrue(MetricsJson.toJson(r).at("/gates/0/actual").isNull());
        assertTrue(MarkdownReport.render(r).contains("| n/a | 0.5000 | **FAIL** |"));
    }

    @Test
    void junitXmlHasOneCasePerGateAndTheFailure() throws Exception {
        Document doc = parseXml(read(ReportWriter.JUNIT_XML));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("stancekit.evaluate", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element passed = (Element) cases.item(0);
        assertEquals("stancekit.gates", passed.getAttribute("classname"));
        assertEquals("stance.macro_f1 >= floor", passed.getAttribute("name"));
        // The floor is not in the name (CI's history survives a new floor) but in the case's output.
        assertTrue(passed.getElementsByTagName("system-out").item(0).getTextContent().contains("limit:  0.5000"),
                passed.getTextContent());
        assertEquals(0, passed.getElementsByTagName("failure").getLength());
        Element failedCase = (Element) cases.item(1);
        assertEquals("sentiment.macro_f1 >= floor", failedCase.getAttribute("name"));
        NodeList failures = failedCase.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        String message = ((Element) failures.item(0)).getAttribute("message");
        assertTrue(message.contains("sentiment.macro_f1 is below --fail-under 0.99"), message);
        assertTrue(message.contains("actual " + Formats.precise(evaluation.sentiment().macroF1())), message);
        assertTrue(message.contains("limit 0.9900"), message);
        // The escaped model name comes back intact from the parser.
        NodeList properties = suite.getElementsByTagName("property");
        assertEquals(ReportFixtures.MODEL, ((Element) properties.item(0)).getAttribute("value"));
    }

    @Test
    void junitXmlWithoutGatesHoldsOnePassingCase() throws Exception {
        Document doc = parseXml(JUnitReport.render(ReportFixtures.bareReport()));
        assertEquals("1", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(1, cases.getLength());
        assertEquals("evaluation completed", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertEquals("8 sentences of the dev split evaluated; no gates were checked",
                doc.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void htmlIsSelfContainedEscapedAndHasCharts() throws Exception {
        String html = read(ReportWriter.REPORT_HTML);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"));
        // A bar chart plus one heatmap per head.
        assertEquals(1 + SCHEMA_HEADS, html.split("<svg", -1).length - 1);
        String withoutNamespace = html.replace("xmlns=\"" + SvgCharts.NAMESPACE + "\"", "");
        assertFalse(withoutNamespace.contains("http://"), "no external references");
        assertFalse(withoutNamespace.contains("https://"), "no external references");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("url("));
        assertTrue(html.contains("models/&lt;new&amp;improved&gt;.zip"));
        assertFalse(html.contains("<new&improved>"));
        // Well-formed markup: every text went through the escaper.
        Document doc = parseXml(html);
        assertEquals("html", doc.getDocumentElement().getTagName());
        assertTrue(doc.getDocumentElement().getTextContent().contains(ReportFixtures.MODEL));
        // The headline figures, the baseline in the chart legend and both gates' results.
        assertTrue(html.contains(Formats.score(evaluation.meanStanceMacroF1())));
        assertTrue(html.contains(Formats.interval(report.intervals().get("stance.macro_f1"))));
        assertTrue(html.contains(">" + ReportFixtures.BASELINE_NAME + "<"));
        assertTrue(html.contains("<td class=\"pass\">PASS</td>"));
        assertTrue(html.contains("<td class=\"fail\">FAIL</td>"));
        for (String party : SCHEMA.parties()) {
            assertTrue(html.contains("Stance toward " + party));
        }
    }

    @Test
    void markdownHasHeadlineBaselinesMatricesAndGates() throws IOException {
        String md = read(ReportWriter.REPORT_MD);
        assertTrue(md.startsWith("# StanceKit evaluation report\n"));
        assertTrue(md.contains("- **Model:** models/\\<new\\&improved>.zip\n"), md);
        assertTrue(md.contains("- **Sentences:** 8\n"));
        assertTrue(md.contains("| Figure | Macro-F1 | 95% CI | Accuracy | Reference F1 |\n| --- | ---: | ---: | ---: | ---: |\n"));
        assertTrue(md.contains("| Stance, mean over parties | " + Formats.score(evaluation.meanStanceMacroF1()) + " | "
                + Formats.interval(report.intervals().get("stance.macro_f1")) + " | "
                + Formats.score(evaluation.metrics().get("stance.accuracy")) + " | n/a |\n"));
        ConfusionMatrix us = evaluation.stances().get(0);
        assertTrue(md.contains("| Stance toward US | " + Formats.score(us.macroF1()) + " | "
                + Formats.interval(report.intervals().get("stance.parties.us.macro_f1")) + " | "
                + Formats.score(us.accuracy()) + " | " + Formats.score(evaluation.referenceF1(0)) + " |\n"), md);
        assertTrue(md.contains("| Sentiment | " + Formats.score(evaluation.sentiment().macroF1())));

        assertTrue(md.contains("## Model vs baselines"));
        Evaluation baseline = report.baselines().get(ReportFixtures.BASELINE_NAME);
        assertTrue(md.contains("| weka\\_nb | " + Formats.score(baseline.meanStanceMacroF1()) + " | "
                + Formats.score(baseline.sentiment().macroF1()) + " |\n"));

        // Sentiment: gold NEUTRAL predicted NEGATIVE once (sentence 3).
        ConfusionMatrix s = evaluation.sentiment();
        assertEquals(1, s.count(2, 1));
        assertTrue(md.contains("| gold \\\\ predicted | POSITIVE | NEGATIVE | NEUTRAL |\n"));
        assertTrue(md.contains("| **POSITIVE** | 2 | 0 | 0 |\n"), md);
        assertTrue(md.contains("| **NEGATIVE** | 0 | 4 | 0 |\n"), md);
        assertTrue(md.contains("| **NEUTRAL** | 0 | 1 | 1 |\n"), md);
        assertTrue(md.contains("| Class | Precision | Recall | F1 | Support |"));
        assertTrue(md.contains("| NEUTRAL | 1.000 | 0.500 | 0.667 | 2 |"), md);

        assertTrue(md.contains("## Gates\n\n1 of 2 gates failed.\n"));
        assertTrue(md.contains("| stance.macro\\_f1 >= floor | `stance.macro_f1` |"), md);
        assertTrue(md.contains("| **FAIL** |"));
        assertTrue(md.contains("| **PASS** |"));
    }

    @Test
    void bareReportHasNoBaselinesAndSaysSoForGates() throws Exception {
        EvaluationReport bare = ReportFixtures.bareReport();
        String md = MarkdownReport.render(bare);
        assertFalse(md.contains("Model vs baselines"));
        assertTrue(md.contains("No gates were checked."));
        assertTrue(md.contains("| Stance, mean over parties | " + Formats.score(evaluation.meanStanceMacroF1())
                + " | n/a |"));
        String html = HtmlReport.render(bare);
        parseXml(html);
        assertFalse(html.contains("Model vs baselines"));
        assertEquals(0, MetricsJson.toJson(bare).get("gates").size());
    }

    @Test
    void partiesAndLabelsComeFromTheSchema() throws Exception {
        LabelSchema schema = new LabelSchema(List.of("ALPHA", "BETA_2"), List.of("FAVOR", "AGAINST", "NONE", "MIXED"),
                List.of("POSITIVE", "NEGATIVE"));
        List<Labels> gold = List.of(ReportFixtures.labels("POSITIVE", "FAVOR", "MIXED"),
                ReportFixtures.labels("NEGATIVE", "NONE", "AGAINST"));
        List<Labels> predicted = List.of(ReportFixtures.labels("POSITIVE", "FAVOR", "NONE"),
                ReportFixtures.labels("POSITIVE", "NONE", "AGAINST"));
        Evaluation e = new Evaluator().evaluate(schema, gold, predicted);
        EvaluationReport r = new EvaluationReport("m", "d", "test", e,
                new Bootstrap(50, 1).macroF1Intervals(schema, gold, predicted), Map.of("a.b", e), List.of());
        JsonNode json = MetricsJson.toJson(r);
        assertTrue(json.at("/stance/parties/beta_2/macro_f1").isNumber());
        assertTrue(json.at("/stance/parties/beta_2/macro_f1_ci95").isArray());
        assertTrue(json.at("/stance/parties/alpha/classes/mixed/support").isNumber());
        for (String key : r.metrics().keySet()) {
            assertTrue(at(json, key).isNumber(), key);
        }
        String md = MarkdownReport.render(r);
        String html = HtmlReport.render(r);
        parseXml(html);
        for (String text : List.of(md, html)) {
            assertTrue(text.contains("Stance toward ALPHA"));
            assertTrue(text.contains("MIXED"));
            assertFalse(text.contains("UKRAINE"));
            assertFalse(text.contains("EUROPE"));
        }
        assertTrue(md.contains("Stance toward BETA\\_2"));
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String md = MarkdownReport.render(report);
            String html = HtmlReport.render(report);
            String mean = String.format(Locale.ROOT, "%.3f", evaluation.meanStanceMacroF1());
            assertTrue(md.contains(mean));
            assertTrue(html.contains(mean));
            assertFalse(html.contains(mean.replace('.', ',')));
            assertFalse(html.matches("(?s).*(x|y|width|height)=\"\\d+,\\d.*"), "SVG coordinates use a dot");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void sameReportGivesIdenticalFiles(@TempDir Path other) throws IOException {
        new ReportWriter().write(report, other);
        for (String name : List.of(ReportWriter.METRICS_JSON, ReportWriter.REPORT_MD, ReportWriter.REPORT_HTML,
                ReportWriter.JUNIT_XML)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("nested/report").resolve(name)),
                    Files.readAllBytes(other.resolve(name)), name);
        }
    }
}
