package org.stancekit.training.report;

import static org.stancekit.training.report.Formats.coordinate;

import java.util.List;
import java.util.Locale;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.evaluation.Interval;
import org.stancekit.evaluation.Reliability;

/**
 * The inline SVG graphics of {@code report.html}: a confusion-matrix heatmap and a grouped bar
 * chart with error bars. Hand-written markup with no scripts, fonts or links, so that the report
 * works offline and from an archived CI artifact. Text widths are estimated from character counts
 * (there is no font metrics without a browser), generously, so that labels do not overlap.
 */
final class SvgCharts {

    /** The SVG namespace: the only URL a report contains, and it is an identifier, never fetched. */
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    /** Bar colours: the model first, then the baselines; reused in order when there are more. */
    private static final List<String> PALETTE = List.of("#3b6ea5", "#e08a2c", "#8a8f98", "#5b9a5f", "#b0545a",
            "#7d62a8");

    /** Estimated width of one character at the charts' 12px font, wide enough for capitals. */
    private static final int CHAR_WIDTH = 8;

    /**
     * One series of a bar chart.
     *
     * @param name the legend entry
     * @param values one value per group, NaN for none
     * @param intervals one interval per group, null for none
     */
    record Series(String name, double[] values, Interval[] intervals) {
    }

    private SvgCharts() {
    }

    /**
     * A heatmap of a confusion matrix: rows gold, columns predicted, each cell shaded by its share
     * of the row (so a rare class's errors stand out as much as a frequent one's) and showing its
     * count.
     */
    static String heatmap(String title, ConfusionMatrix m) {
        List<String> labels = m.labels();
        int n = labels.size();
        int longest = labels.stream().mapToInt(String::length).max().orElse(1);
        int cellW = Math.max(56, CHAR_WIDTH * longest + 12);
        int cellH = 36;
        int left = 28 + CHAR_WIDTH * longest + 10;
        int top = 44;
        int width = left + n * cellW + 8;
        int height = top + n * cellH + 8;
        StringBuilder svg = open(width, height, title);
        // Axis titles: predicted across the top, gold down the left side.
        text(svg, left + n * cellW / 2.0, 14, "middle", "axis", "predicted");
        svg.append("<text class=\"axis\" text-anchor=\"middle\" transform=\"translate(14 ")
                .append(coordinate(top + n * cellH / 2.0)).append(") rotate(-90)\">gold</text>\n");
        for (int k = 0; k < n; k++) {
            text(svg, left + (k + 0.5) * cellW, top - 8, "middle", "label", labels.get(k));
            text(svg, left - 8, top + (k + 0.5) * cellH + 4, "end", "label", labels.get(k));
        }
        for (int g = 0; g < n; g++) {
            int support = m.support(g);
            for (int p = 0; p < n; p++) {
                int count = m.count(g, p);
                double share = support == 0 ? 0.0 : (double) count / support;
                double x = left + p * cellW;
                double y = top + g * cellH;
                svg.append("<g><title>").append(Xml.text("gold " + labels.get(g) + ", predicted " + labels.get(p)
                        + ": " + count + " (" + Formats.percent(share) + " of the row)")).append("</title>");
                svg.append("<rect x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y))
                        .append("\" width=\"").append(cellW).append("\" height=\"").append(cellH)
                        .append("\" fill=\"").append(shade(share)).append("\" stroke=\"#ffffff\"/>");
                svg.append("<text x=\"").append(coordinate(x + cellW / 2.0)).append("\" y=\"")
                        .append(coordinate(y + cellH / 2.0 + 4)).append("\" text-anchor=\"middle\" fill=\"")
                        .append(share > 0.5 ? "#ffffff" : "#1f2328").append("\"")
                        .append(g == p ? " font-weight=\"bold\"" : "").append('>').append(count)
                        .append("</text></g>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * A grouped bar chart of values in [0, 1] with their intervals drawn as error bars; a legend
     * appears when there is more than one series.
     */
    static String barChart(String title, List<String> groups, List<Series> series) {
        int s = series.size();
        int longest = groups.stream().mapToInt(String::length).max().orElse(1);
        int barW = s == 1 ? 40 : Math.max(14, 80 / s);
        int groupW = Math.max(s * barW + 20, CHAR_WIDTH * longest + 10);
        int legendH = s > 1 ? 24 : 0;
        int left = 52;
        int top = 8 + legendH + 16;
        int plotH = 220;
        int plotW = groups.size() * groupW;
        int width = left + plotW + 12;
        int height = top + plotH + 30;
        StringBuilder svg = open(width, height, title);
        if (s > 1) {
            int x = left;
            for (int i = 0; i < s; i++) {
                svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
                        .append(colour(i)).append("\"/>");
                text(svg, x + 16, 18, "start", "label", series.get(i).name());
                x += 16 + CHAR_WIDTH * series.get(i).name().length() + 18;
            }
            svg.append('\n');
        }
        for (int tick = 0; tick <= 5; tick++) {
            double v = tick / 5.0;
            double y = y(v, top, plotH);
            svg.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"")
                    .append(coordinate(y)).append("\" y2=\"").append(coordinate(y))
                    .append("\" stroke=\"").append(tick == 0 ? "#57606a" : "#d8dee4").append("\"/>");
            text(svg, left - 6, y + 4, "end", "tick", String.format(Locale.ROOT, "%.1f", v));
        }
        svg.append("<text class=\"axis\" text-anchor=\"middle\" transform=\"translate(14 ")
                .append(coordinate(top + plotH / 2.0)).append(") rotate(-90)\">macro-F1</text>\n");
        for (int g = 0; g < groups.size(); g++) {
            double groupX = left + g * groupW + (groupW - s * barW) / 2.0;
            for (int i = 0; i < s; i++) {
                bar(svg, series.get(i), g, i, groups.get(g), groupX + i * barW, barW, top, plotH, s <= 2);
            }
            text(svg, left + (g + 0.5) * groupW, top + plotH + 18, "middle", "label", groups.get(g));
        }
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, Series series, int g, int i, String group, double x, int barW,
                            int top, int plotH, boolean withValue) {
        double v = series.values()[g];
        if (!Double.isFinite(v)) {
            return;
        }
        Interval ci = series.intervals()[g];
        double cx = x + barW / 2.0;
        svg.append("<g><title>").append(Xml.text(series.name() + ", " + group + ": " + Formats.score(v)
                + (ci == null ? "" : ", 95% CI " + Formats.interval(ci)))).append("</title>");
        svg.append("<rect x=\"").append(coordinate(x + 2)).append("\" y=\"").append(coordinate(y(v, top, plotH)))
                .append("\" width=\"").append(barW - 4).append("\" height=\"")
                .append(coordinate(y(0, top, plotH) - y(v, top, plotH))).append("\" fill=\"").append(colour(i))
                .append("\"/>");
        double labelY = y(v, top, plotH);
        if (ci != null) {
            double hi = y(ci.high(), top, plotH);
            double lo = y(ci.low(), top, plotH);
            double cap = barW / 6.0;
            svg.append("<path d=\"M").append(coordinate(cx)).append(' ').append(coordinate(lo))
                    .append("V").append(coordinate(hi))
                    .append("M").append(coordinate(cx - cap)).append(' ').append(coordinate(hi))
                    .append("H").append(coordinate(cx + cap))
                    .append("M").append(coordinate(cx - cap)).append(' ').append(coordinate(lo))
                    .append("H").append(coordinate(cx + cap))
                    .append("\" stroke=\"#1f2328\" stroke-width=\"1.5\" fill=\"none\"/>");
            labelY = Math.min(labelY, hi);
        }
        if (withValue) {
            text(svg, cx, labelY - 4, "middle", "value", Formats.score(v));
        }
        svg.append("</g>\n");
    }

    /**
     * A reliability diagram: per confidence bin, the accuracy (a point per bin, sized by its
     * sentences) against the diagonal of perfect calibration, for the probabilities as scored and,
     * when given, before calibration.
     */
    static String reliability(String title, Reliability scored, Reliability uncalibrated) {
        int size = 220;
        int left = 42;
        int top = 14;
        int width = left + size + 110;
        int height = top + size + 40;
        StringBuilder svg = open(width, height, title);
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(size)
                .append("\" height=\"").append(size).append("\" fill=\"none\" stroke=\"#d0d7de\"/>\n");
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(top + size).append("\" x2=\"")
                .append(left + size).append("\" y2=\"").append(top).append("\" stroke=\"#8a8f98\" stroke-dasharray=\"4 3\"/>\n");
        for (int t = 0; t <= 4; t++) {
            double v = t / 4.0;
            text(svg, left - 6, y(v, top, size) + 4, "end", "tick", Formats.score(v).substring(0, 4));
            text(svg, left + v * size, top + size + 14, "middle", "tick", Formats.score(v).substring(0, 4));
        }
        text(svg, left + size / 2.0, top + size + 32, "middle", "axis", "confidence");
        int total = 0;
        for (int c : scored.counts()) {
            total += c;
        }
        int series = 0;
        for (Reliability r : uncalibrated == null ? List.of(scored) : List.of(scored, uncalibrated)) {
            StringBuilder path = new StringBuilder();
            for (int b = 0; b < r.counts().length; b++) {
                if (r.counts()[b] == 0) {
                    continue;
                }
                double cx = left + r.confidence()[b] * size;
                double cy = y(r.accuracy()[b], top, size);
                double radius = 2 + 6 * Math.sqrt((double) r.counts()[b] / Math.max(1, total));
                path.append(path.length() == 0 ? "M" : " L").append(coordinate(cx)).append(' ').append(coordinate(cy));
                svg.append("<circle cx=\"").append(coordinate(cx)).append("\" cy=\"").append(coordinate(cy))
                        .append("\" r=\"").append(coordinate(radius)).append("\" fill=\"").append(colour(series))
                        .append("\"><title>").append(Xml.text(String.format(Locale.ROOT,
                                "%d sentences: confidence %.2f, accuracy %.2f", r.counts()[b], r.confidence()[b],
                                r.accuracy()[b]))).append("</title></circle>\n");
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour(series))
                    .append("\" stroke-width=\"1.5\"/>\n");
            String name = series == 0 ? (uncalibrated == null ? "scored" : "calibrated") : "uncalibrated";
            int ly = top + 16 + 18 * series;
            svg.append("<rect x=\"").append(left + size + 12).append("\" y=\"").append(ly - 9)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(colour(series)).append("\"/>");
            text(svg, left + size + 26, ly, "start", "tick", String.format(Locale.ROOT, "%s (ECE %.3f)", name, r.ece()));
            svg.append('\n');
            series++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"").append(NAMESPACE).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Xml.attr(title))
                .append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(Xml.text(title)).append("</title>\n");
        return svg;
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String cssClass, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(coordinate(x)).append("\" y=\"")
                .append(coordinate(y)).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(Xml.text(text)).append("</text>");
    }

    /** Maps a value in [0, 1] to a y coordinate; values outside are clipped to the plot. */
    private static double y(double value, int top, int plotH) {
        double v = Math.max(0.0, Math.min(1.0, value));
        return top + plotH * (1 - v);
    }

    private static String colour(int series) {
        return PALETTE.get(series % PALETTE.size());
    }

    /** White to dark blue by share, a sequential scale that also reads in greyscale print. */
    private static String shade(double share) {
        double s = Math.max(0.0, Math.min(1.0, share));
        int r = (int) Math.round(247 + (8 - 247) * s);
        int g = (int) Math.round(251 + (69 - 251) * s);
        int b = (int) Math.round(255 + (148 - 255) * s);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
