package org.stancekit.training.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stancekit.evaluation.ConfusionMatrix;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Interval;
import org.stancekit.domain.LabelSchema;

/**
 * What the human-readable reports show, derived once from an {@link EvaluationReport} so that the
 * Markdown and HTML renderers cannot drift apart. Parties and labels come from the report's
 * {@link LabelSchema}; every value is looked up by its {@code metrics.json} key, so the reports
 * and the JSON file always agree.
 */
final class ReportView {

    /** The report's title. */
    static final String TITLE = "StanceKit evaluation report";

    /** What the headline figures mean, under the headline table. */
    static final String HEADLINE_NOTE = "The stance mean is the mean over parties of each party's stance macro-F1 "
            + "(and accuracy). Reference F1 is the F1 of finding the party at all (any stance but NONE). "
            + "Intervals are 95% percentile bootstrap intervals over sentences.";

    /** Why the baselines are comparable, under the baselines table. */
    static final String BASELINE_NOTE = "Baselines are evaluated on the same sentences with the same code.";

    /** What the per-source table shows. */
    static final String SOURCE_NOTE = "Macro-F1 on each source's sentences of the split, by the same model: "
            + "sources the model never trained on, or with few sentences, show how far it generalises.";

    /** What the calibration table shows. */
    static final String CALIBRATION_NOTE = "Expected calibration error: sentences binned by the probability of the "
            + "predicted label, each bin's gap between that probability and its accuracy, weighted by its share "
            + "(10 bins). Before calibration means with the temperatures fitted on dev set to 1.";

    /** The name the model goes by next to its baselines. */
    static final String MODEL = "model";

    /**
     * A headline figure: the stance mean, one party's stance or sentiment.
     *
     * @param label the row label, for example {@code Stance toward US}
     * @param shortLabel the chart axis label, for example {@code US}
     * @param base the metric key prefix, for example {@code stance.parties.us}
     */
    record Figure(String label, String shortLabel, String base) {
        String macroF1Key() {
            return base + ".macro_f1";
        }

        String accuracyKey() {
            return base + ".accuracy";
        }

        String referenceKey() {
            return base + ".reference_f1";
        }
    }

    /**
     * A system compared on the same sentences: the model or a baseline.
     *
     * @param name its name
     * @param prefix the prefix of its keys in {@link EvaluationReport#metrics()}
     */
    record Contender(String name, String prefix) {
    }

    /**
     * One classification head with its confusion matrix.
     *
     * @param title the section title, for example {@code Stance toward US}
     * @param matrix gold (rows) against predicted (columns)
     */
    record Head(String title, ConfusionMatrix matrix) {
    }

    /** How a renderer treats a table column. */
    enum Kind {
        /** User text (labels, names, messages): escaped. */
        TEXT,
        /** A number this code formatted: right-aligned. */
        NUMBER,
        /** A metric key: monospace. */
        CODE,
        /** A row's label, such as the gold class of a confusion-matrix row. */
        ROW_HEADER,
        /** {@code PASS} or {@code FAIL}, highlighted. */
        STATUS
    }

    /**
     * A table as plain text; each renderer escapes and decorates the cells by their column's kind.
     *
     * @param header column titles
     * @param kinds one kind per column
     * @param rows the cells
     */
    record Table(List<String> header, List<Kind> kinds, List<List<String>> rows) {
        Table {
            header = List.copyOf(header);
            kinds = List.copyOf(kinds);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private final EvaluationReport report;
    private final Map<String, Double> metrics;

    ReportView(EvaluationReport report) {
        this.report = report;
        this.metrics = report.metrics();
    }

    EvaluationReport report() {
        return report;
    }

    /** The mean stance figure, one figure per party in schema order, then sentiment. */
    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Stance, mean over parties", "stance (mean)", "stance"));
        for (String party : report.evaluation().schema().parties()) {
            figures.add(new Figure("Stance toward " + party, party, "stance.parties." + LabelSchema.column(party)));
        }
        figures.add(new Figure("Sentiment", "sentiment", "sentiment"));
        return figures;
    }

    /** The figures compared with the baselines: mean stance and sentiment. */
    List<Figure> comparedFigures() {
        List<Figure> all = figures();
        return List.of(all.get(0), all.get(all.size() - 1));
    }

    /** The model, then the baselines in the report's order. */
    List<Contender> contenders() {
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender(MODEL, ""));
        report.baselines().keySet().forEach(name -> contenders.add(new Contender(name, "baselines." + name + ".")));
        return contenders;
    }

    /** The model alone. */
    Contender model() {
        return contenders().get(0);
    }

    /** A contender's metric; NaN when the report lacks it. */
    double value(Contender contender, String key) {
        Double v = metrics.get(contender.prefix() + key);
        return v == null ? Double.NaN : v;
    }

    /** A contender's 95% interval of a metric, or null when none was computed. */
    Interval interval(Contender contender, String key) {
        return report.intervals().get(contender.prefix() + key);
    }

    /** The stance heads in party order, then sentiment. */
    List<Head> heads() {
        Evaluation e = report.evaluation();
        List<Head> heads = new ArrayList<>();
        for (int p = 0; p < e.stances().size(); p++) {
            heads.add(new Head("Stance toward " + e.schema().parties().get(p), e.stances().get(p)));
        }
        heads.add(new Head("Sentiment", e.sentiment()));
        return heads;
    }

    /** The headline figures of the model: macro-F1, its interval and accuracy. */
    Table headlineTable() {
        Contender model = model();
        List<List<String>> rows = figures().stream()
                .map(f -> List.of(f.label(), Formats.score(value(model, f.macroF1Key())),
                        Formats.interval(interval(model, f.macroF1Key())), Formats.score(value(model, f.accuracyKey())),
                        Formats.score(value(model, f.referenceKey()))))
                .toList();
        return new Table(List.of("Figure", "Macro-F1", "95% CI", "Accuracy", "Reference F1"),
                List.of(Kind.TEXT, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER), rows);
    }

    /** The model and each baseline by mean stance and sentiment macro-F1. */
    Table baselineTable() {
        List<Figure> figures = comparedFigures();
        List<String> header = new ArrayList<>(List.of("System"));
        List<Kind> kinds = new ArrayList<>(List.of(Kind.TEXT));
        figures.forEach(f -> {
            header.add(f.shortLabel() + " macro-F1");
            kinds.add(Kind.NUMBER);
        });
        List<List<String>> rows = new ArrayList<>();
        for (Contender c : contenders()) {
            List<String> row = new ArrayList<>(List.of(c.name()));
            figures.forEach(f -> row.add(Formats.score(value(c, f.macroF1Key()))));
            rows.add(row);
        }
        return new Table(header, kinds, rows);
    }

    /** Precision, recall, F1 and support per class of one head. */
    static Table classTable(ConfusionMatrix m) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < m.labels().size(); k++) {
            rows.add(List.of(m.labels().get(k), Formats.score(m.precision(k)), Formats.score(m.recall(k)),
                    Formats.score(m.f1(k)), Integer.toString(m.support(k))));
        }
        return new Table(List.of("Class", "Precision", "Recall", "F1", "Support"),
                List.of(Kind.TEXT, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER), rows);
    }

    /** The counts of a confusion matrix: rows gold, columns predicted. */
    static Table confusionTable(ConfusionMatrix m) {
        List<String> header = new ArrayList<>(List.of("gold \\ predicted"));
        header.addAll(m.labels());
        List<Kind> kinds = new ArrayList<>(List.of(Kind.ROW_HEADER));
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < m.labels().size(); g++) {
            kinds.add(Kind.NUMBER);
            List<String> row = new ArrayList<>(List.of(m.labels().get(g)));
            for (int p = 0; p < m.labels().size(); p++) {
                row.add(Integer.toString(m.count(g, p)));
            }
            rows.add(row);
        }
        return new Table(header, kinds, rows);
    }

    /** How the article section explains itself. */
    static final String ARTICLE_NOTE = "Whole labelled documents of the split, scored as `stancekit score` scores "
            + "them (sentences predicted, then rolled up per party by the rule named above) and compared with their "
            + "article labels; intervals resample documents.";

    /** How the roll-up comparison explains itself. */
    static final String ROLLUP_NOTE = "Every candidate roll-up rule on the same scored documents, best first by the "
            + "mean article macro-F1 over parties. Choose on dev, report on test.";

    /** The article figures: the mean over parties, then each party; macro-F1, interval, accuracy. */
    Table articleTable() {
        ArticleReport a = report.articles();
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>(List.of("Stance, mean over parties"));
        List<String> bases = new ArrayList<>(List.of("articles.stance"));
        for (String party : a.evaluation().schema().parties()) {
            labels.add("Stance toward " + party);
            bases.add("articles.stance.parties." + LabelSchema.column(party));
        }
        for (int i = 0; i < labels.size(); i++) {
            Interval ci = a.intervals().get(bases.get(i) + ".macro_f1");
            rows.add(List.of(labels.get(i), Formats.score(metrics.get(bases.get(i) + ".macro_f1")),
                    ci == null ? "" : Formats.interval(ci), Formats.score(metrics.get(bases.get(i) + ".accuracy"))));
        }
        return new Table(List.of("Figure", "Macro-F1", "95% CI", "Accuracy"),
                List.of(Kind.TEXT, Kind.NUMBER, Kind.TEXT, Kind.NUMBER), rows);
    }

    /** The article confusion matrices, one per party. */
    List<Head> articleHeads() {
        ArticleReport a = report.articles();
        List<Head> heads = new ArrayList<>();
        for (int p = 0; p < a.evaluation().stances().size(); p++) {
            heads.add(new Head("Articles: stance toward " + a.evaluation().schema().parties().get(p),
                    a.evaluation().stances().get(p)));
        }
        return heads;
    }

    /** The roll-up comparison: one row per rule, best first. */
    Table rollUpTable() {
        ArticleReport a = report.articles();
        List<String> header = new ArrayList<>(List.of("Rule", "mean"));
        List<Kind> kinds = new ArrayList<>(List.of(Kind.TEXT, Kind.NUMBER));
        for (String party : a.evaluation().schema().parties()) {
            header.add(party);
            kinds.add(Kind.NUMBER);
        }
        List<List<String>> rows = new ArrayList<>();
        for (var row : a.comparison()) {
            List<String> cells = new ArrayList<>(List.of(row.rule(), Formats.score(row.evaluation().meanMacroF1())));
            row.evaluation().stances().forEach(m -> cells.add(Formats.score(m.macroF1())));
            rows.add(cells);
        }
        return new Table(header, kinds, rows);
    }

    /** One row per source: sentences, each party's stance macro-F1, their mean, sentiment. */
    Table sourceTable() {
        List<String> header = new ArrayList<>(List.of("Source", "Sentences", "stance (mean)"));
        List<Kind> kinds = new ArrayList<>(List.of(Kind.TEXT, Kind.NUMBER, Kind.NUMBER));
        for (String party : report.evaluation().schema().parties()) {
            header.add(party);
            kinds.add(Kind.NUMBER);
        }
        header.add("sentiment");
        kinds.add(Kind.NUMBER);
        List<List<String>> rows = new ArrayList<>();
        report.bySource().forEach((source, e) -> {
            List<String> row = new ArrayList<>(List.of(source, Integer.toString(e.size()), Formats.score(e.meanStanceMacroF1())));
            e.stances().forEach(m -> row.add(Formats.score(m.macroF1())));
            row.add(Formats.score(e.sentiment().macroF1()));
            rows.add(row);
        });
        return new Table(header, kinds, rows);
    }

    /** The most confident mistakes, per head. */
    Table mistakeTable() {
        List<List<String>> rows = report.mistakes().stream()
                .map(m -> List.of(m.head(), m.text(), m.gold(), m.predicted(), Formats.score(m.probability())))
                .toList();
        return new Table(List.of("Head", "Sentence", "Gold", "Predicted", "Probability"),
                List.of(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.NUMBER), rows);
    }

    /** Expected calibration error per head, as scored and before calibration. */
    Table calibrationTable() {
        List<List<String>> rows = new ArrayList<>();
        report.calibration().forEach((head, c) -> rows.add(List.of(head, Formats.precise(c.scored().ece()),
                c.uncalibrated() == null ? Formats.MISSING : Formats.precise(c.uncalibrated().ece()))));
        return new Table(List.of("Head", "ECE as scored", "ECE before calibration"),
                List.of(Kind.CODE, Kind.NUMBER, Kind.NUMBER), rows);
    }

    /** The model's provenance, one row per item. */
    Table provenanceTable() {
        List<List<String>> rows = new ArrayList<>();
        report.provenance().forEach((k, v) -> rows.add(List.of(k, v)));
        return new Table(List.of("Item", "Value"), List.of(Kind.CODE, Kind.TEXT), rows);
    }

    /** One row per gate. */
    Table gateTable() {
        List<List<String>> rows = report.gates().stream()
                .map(g -> List.of(g.name(), g.metric(), Formats.precise(g.actual()), Formats.precise(g.limit()),
                        status(g), g.message()))
                .toList();
        return new Table(List.of("Gate", "Metric", "Actual", "Limit", "Result", "Message"),
                List.of(Kind.TEXT, Kind.CODE, Kind.NUMBER, Kind.NUMBER, Kind.STATUS, Kind.TEXT), rows);
    }

    /** One line on the gates, for example {@code 1 of 2 gates failed}. */
    String gateSummary() {
        List<Gate> gates = report.gates();
        if (gates.isEmpty()) {
            return "No gates were checked.";
        }
        long failed = gates.stream().filter(g -> !g.passed()).count();
        String noun = gates.size() == 1 ? "gate" : "gates";
        return failed == 0 ? "All " + gates.size() + " " + noun + " passed."
                : failed + " of " + gates.size() + " " + noun + " failed.";
    }

    /** {@code PASS} or {@code FAIL}. */
    static String status(Gate gate) {
        return gate.passed() ? "PASS" : "FAIL";
    }
}
