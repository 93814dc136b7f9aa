package org.stancekit.evaluation;

/**
 * Renders {@code junit.xml}: the gates in the JUnit XML format of Ant and Surefire, which CI
 * servers read to show test results. One {@code testsuite} named {@code stancekit.evaluate} with
 * one {@code testcase} per gate (class name {@code stancekit.gates}); a failed gate carries a
 * {@code failure} whose message gives actual against limit. With no gates the suite is empty, so
 * a CI step that always collects the file still finds one.
 */
public final class JUnitReport {

    /** The suite's name. */
    public static final String SUITE = "stancekit.evaluate";

    /** The class name of every gate's test case. */
    public static final String CLASS_NAME = "stancekit.gates";

    private JUnitReport() {
    }

    /** The JUnit XML text of a report's gates. */
    public static String render(EvaluationReport report) {
        long failures = report.gates().stream().filter(g -> !g.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(SUITE).append("\" tests=\"").append(report.gates().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        // Properties let a CI page show which model and data the gates judged.
        xml.append("  <properties>\n");
        property(xml, "model", report.model());
        property(xml, "data", report.data());
        property(xml, "split", report.split());
        property(xml, "sentences", Integer.toString(report.evaluation().size()));
        xml.append("  </properties>\n");
        for (Gate gate : report.gates()) {
            xml.append("  <testcase classname=\"").append(CLASS_NAME).append("\" name=\"").append(Xml.attr(gate.name()))
                    .append("\" time=\"0\"");
            if (gate.passed()) {
                xml.append("/>\n");
                continue;
            }
            String message = failureMessage(gate);
            xml.append(">\n    <failure message=\"").append(Xml.attr(message)).append("\" type=\"GateFailed\">")
                    .append(Xml.text("gate:   " + gate.name() + "\nmetric: " + gate.metric() + "\nactual: "
                            + Formats.precise(gate.actual()) + "\nlimit:  " + Formats.precise(gate.limit())))
                    .append("</failure>\n  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
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
