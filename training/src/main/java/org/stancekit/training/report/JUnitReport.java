package org.stancekit.training.report;

/**
 * Renders {@code junit.xml}: the gates in the JUnit XML format of Ant and Surefire, which CI
 * servers read to show test results. One {@code testsuite} named {@code stancekit.evaluate} with
 * one {@code testcase} per gate (class name {@code stancekit.gates}); a failed gate carries a
 * {@code failure} whose message gives actual against limit, and every case's {@code system-out}
 * gives the values (names hold none, so that a test's history survives a new floor or baseline).
 * With no gates the suite holds one passing case, {@value #COMPLETED}, so that a CI step that
 * always collects the file finds a result rather than an empty suite.
 */
public final class JUnitReport {

    /** The suite's name. */
    public static final String SUITE = "stancekit.evaluate";

    /** The class name of every gate's test case. */
    public static final String CLASS_NAME = "stancekit.gates";

    private JUnitReport() {
    }

    /** The test case of a report without gates. */
    public static final String COMPLETED = "evaluation completed";

    /** The JUnit XML text of a report's gates. */
    public static String render(EvaluationReport report) {
        long failures = report.gates().stream().filter(g -> !g.passed()).count();
        // Without gates, one passing case: some CI servers fail a step, or show nothing, on an empty suite.
        int tests = Math.max(1, report.gates().size());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(SUITE).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        // Properties let a CI page show which model and data the gates judged.
        xml.append("  <properties>\n");
        property(xml, "model", report.model());
        property(xml, "data", report.data());
        property(xml, "split", report.split());
        property(xml, "sentences", Integer.toString(report.evaluation().size()));
        xml.append("  </properties>\n");
        if (report.gates().isEmpty()) {
            testCase(xml, COMPLETED, report.evaluation().size() + " sentences of the " + report.split()
                    + " split evaluated; no gates were checked");
            xml.append("  </testcase>\n");
        }
        for (Gate gate : report.gates()) {
            // The values live here and in the failure, not in the name (see Gate#name).
            String details = "gate:   " + gate.name() + "\nmetric: " + gate.metric() + "\nactual: "
                    + Formats.precise(gate.actual()) + "\nlimit:  " + Formats.precise(gate.limit())
                    + (gate.message().isBlank() ? "" : "\nnote:   " + gate.message());
            testCase(xml, gate.name(), details);
            if (!gate.passed()) {
                xml.append("    <failure message=\"").append(Xml.attr(failureMessage(gate)))
                        .append("\" type=\"GateFailed\">").append(Xml.text(details)).append("</failure>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** Opens a test case and writes its system-out; the caller closes it. */
    private static void testCase(StringBuilder xml, String name, String out) {
        xml.append("  <testcase classname=\"").append(CLASS_NAME).append("\" name=\"").append(Xml.attr(name))
                .append("\" time=\"0\">\n    <system-out>").append(Xml.text(out)).append("</system-out>\n");
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"").append(name).append("\" value=\"").append(Xml.attr(value)).append("\"/>\n");
    }

    /** The gate's own message, if any, then actual against limit: CI shows only this line. */
    private static String failureMessage(Gate gate) {
        String numbers = "actual " + Formats.precise(gate.actual()) + ", limit " + Formats.precise(gate.limit());
        return gate.message().isBlank() ? numbers : gate.message() + " (" + numbers + ")";
    }
}
