package org.stancekit.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.stancekit.bundle.BundleReader;
import org.stancekit.cli.ModelOption;
import org.stancekit.cli.VerboseOption;
import org.stancekit.model.StanceModel;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Bootstrap;
import org.stancekit.training.report.DataFingerprint;
import org.stancekit.evaluation.PairedDrop;
import org.stancekit.training.report.PredictionsCsv;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.training.report.EvaluationReport;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.training.report.Mistake;
import org.stancekit.training.report.Gate;
import org.stancekit.training.report.Gates;
import org.stancekit.training.report.ReportWriter;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.training.Dataset;
import org.stancekit.training.LabelledFiles;
import org.stancekit.training.baseline.Baselines;
import org.stancekit.training.report.ArticleReport;
import org.stancekit.training.articles.ScoredArticles;
import org.stancekit.training.articles.RollUpComparison;
import org.stancekit.training.LabelledArticleReader;
import org.stancekit.training.LabelledArticle;
import org.stancekit.inference.aggregate.RollUpRule;
import org.stancekit.evaluation.ArticleEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stancekit evaluate}: scores labelled sentences with a model, reports the metrics, gates CI. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Evaluate a model on one split of a labelled CSV: per party and for sentiment, precision, recall and F1 "
                    + "per class, macro-F1 with a bootstrap 95%% confidence interval, accuracy and the confusion "
                    + "matrix, and the mean stance macro-F1 over the parties.",
            "Writes report.md, report.html (self-contained), metrics.json (with data.sha256, data.split and "
                    + "data.sentences: what the figures were computed on), junit.xml (one test case per gate, "
                    + "named without its threshold so that CI keeps its history; one passing case 'evaluation "
                    + "completed' without gates) and predictions.csv (per sentence: id, then per head the gold and the "
                    + "predicted label) to the report folder. With gates, exits 1 when any gate fails, so CI "
                    + "fails the build."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", split = ",",
            description = "Labelled sentences (CSV; other columns than the required ones are ignored). Repeatable or "
                    + "comma-separated: the split is taken from all the files together; an id in two files is an error.")
    List<Path> data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "Split to evaluate: train, dev or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    ModelOption model;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "report",
            description = "Folder for the four report files (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--articles", paramLabel = "FILE|none",
            description = "Article labels (labelled/articles.csv: whole documents with their stance per party) to "
                    + "evaluate at article level too: the documents of the split are scored as 'score' scores them "
                    + "and their roll-up compared with the labels. Default: articles.csv beside the first --data "
                    + "file, when there is one; 'none' to skip.")
    String articles;

    @Option(names = "--compare-rollups",
            description = "With article labels: also evaluate every candidate roll-up rule (and a learned one, fitted "
                    + "on the train articles) on the same documents, and add the table to the report. This is how "
                    + "the rule 'score' uses was chosen (on dev).")
    boolean compareRollUps;

    @Option(names = "--baselines",
            description = "Also train and evaluate the baselines (majority class, Weka naive Bayes and linear SVM) on the "
                    + "same train split and tokens, and report them side by side; a transformer is also compared with "
                    + "the shipped fast model (row fast_model).")
    boolean baselines;

    @Option(names = "--fail-under", paramLabel = "SPEC",
            description = "Gates: comma-separated metric=value pairs named by metrics.json keys, for example "
                    + "stance.macro_f1=0.7,sentiment.macro_f1=0.7, each metric once and each value from 0 to 1. "
                    + "Fails when a metric is below its value.")
    String failUnder;

    @Option(names = "--compare-to", paramLabel = "OLD_metrics.json",
            description = "Gate every macro-F1 metric against an earlier metrics.json (see --max-drop); a macro-F1 "
                    + "that only one of the two runs has fails. Refused (exit 2) when that file records another "
                    + "data.sha256 or data.split, unless --allow-different-data; a file without data is compared "
                    + "with a warning.")
    Path compareTo;

    /** Null when not given: --compare-to then allows no drop, and --max-drop alone is a usage error. */
    @Option(names = "--max-drop", paramLabel = "D|auto",
            description = "With --compare-to: the largest allowed drop of a metric, from 0 to 1 (default: 0). "
                    + "'auto' is --noise-aware with a drop of 0: only a drop beyond sampling noise fails.")
    String maxDrop;

    @Option(names = "--noise-aware",
            description = "With --compare-to: a metric fails only when its drop is larger than --max-drop AND "
                    + "larger than sampling noise. When a predictions.csv of the same sentences lies beside "
                    + "OLD_metrics.json, by a paired bootstrap: the drop and its lower bound at --confidence "
                    + "(one-sided) must both exceed --max-drop. Otherwise (and for per-source metrics) unpaired: the "
                    + "earlier value must lie above this run's --confidence bootstrap interval. Without it, any drop "
                    + "larger than --max-drop fails.")
    boolean noiseAware;

    /** Null when not given, so that --confidence without a noise-aware comparison is a usage error. */
    @Option(names = "--confidence", paramLabel = "C",
            description = "With --noise-aware or --max-drop auto: the confidence level of the noise rule, above 0.5 and "
                    + "below 1 (default: 0.95).")
    Double confidence;

    @Option(names = "--allow-different-data",
            description = "With --compare-to: compare even when OLD_metrics.json records another data.sha256 or "
                    + "data.split than this run (a warning says so). Without it, such a comparison is refused "
                    + "(exit 2) before the model loads.")
    boolean allowDifferentData;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261122",
            description = "Seed of the bootstrap and the baselines (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    VerboseOption verbose;

    /** The noise rule's confidence level without --confidence. */
    static final double DEFAULT_CONFIDENCE = 0.95;

    /** Most confident mistakes listed per head. */
    static final int MISTAKES_PER_HEAD = 10;

    /** Name of the shipped fast model's row among the baselines when a transformer is evaluated. */
    static final String SHIPPED_FAST = "fast_model";

    @Override
    public Integer call() throws IOException {
        // The gates are checked before the model loads and the evaluation runs (minutes for the
        // transformer): a typo in a CI gate must stop the job at once, as a usage error.
        Map<String, Double> floors = failUnder == null ? Map.of() : usage(() -> Gates.parseFailUnder(failUnder));
        if (maxDrop != null && compareTo == null) {
            throw new ParameterException(spec.commandLine(),
                    "--max-drop needs --compare-to OLD_metrics.json: it is the drop allowed against that earlier run");
        }
        if (noiseAware && compareTo == null) {
            throw new ParameterException(spec.commandLine(),
                    "--noise-aware needs --compare-to OLD_metrics.json: it changes how a drop against that run is judged");
        }
        if (allowDifferentData && compareTo == null) {
            throw new ParameterException(spec.commandLine(),
                    "--allow-different-data needs --compare-to OLD_metrics.json: it allows comparing with a run on other data");
        }
        boolean auto = "auto".equals(maxDrop);
        noiseAware |= auto;
        if (confidence != null && !noiseAware) {
            throw new ParameterException(spec.commandLine(),
                    "--confidence needs --noise-aware or --max-drop auto: it is the level of the noise rule");
        }
        double level = confidence == null ? DEFAULT_CONFIDENCE : usage(() -> Bootstrap.checkConfidence(confidence));
        double drop = maxDrop == null || auto ? 0.0 : usage(() -> Gates.checkMaxDrop(parseDrop(maxDrop)));
        Gates.Earlier earlier = compareTo == null ? null : Gates.readEarlier(compareTo);
        Split which = usage(() -> Split.parse(split));
        // Hashed before the model loads (minutes for the transformer), so that a comparison across
        // different data is refused at once. A missing file is left to the data reader, whose message names it.
        String sha256 = data.stream().allMatch(java.nio.file.Files::isRegularFile) ? DataFingerprint.sha256(data) : null;
        if (earlier != null) {
            checkSameData(earlier, sha256, which);
        }
        try (StanceModel<?, ?> bundle = model.load()) {
            return evaluate(bundle, which, floors, drop, level, earlier, sha256);
        }
    }

    /** The article labels file to evaluate, or null: --articles, else articles.csv beside the first data file. */
    private Path articleFile() {
        if ("none".equals(articles)) {
            return null;
        }
        if (articles != null) {
            return Path.of(articles);
        }
        Path beside = data.get(0).toAbsolutePath().resolveSibling(LabelledArticleReader.FILE_NAME);
        return java.nio.file.Files.isRegularFile(beside) ? beside : null;
    }

    /** The article-level evaluation of the split, or null without article labels (or without documents in the split). */
    private ArticleReport articles(StanceModel<?, ?> bundle, Split which) throws IOException {
        Path file = articleFile();
        if (file == null) {
            if (compareRollUps) {
                throw new ParameterException(spec.commandLine(), "--compare-rollups needs article labels: no "
                        + LabelledArticleReader.FILE_NAME + " beside " + data.get(0) + " and no --articles FILE");
            }
            return null;
        }
        List<LabelledArticle> labelled = new LabelledArticleReader(bundle.schema()).read(file);
        long start = System.nanoTime();
        ScoredArticles scored = ScoredArticles.score(bundle, labelled, which);
        if (scored.isEmpty()) {
            System.err.printf(Locale.ROOT, "stancekit: note: %s has no %s documents; no article-level figures%n", file,
                    which.label());
            return null;
        }
        RollUpRule rule = RollUpRule.DEFAULT;
        ArticleEvaluation evaluation = scored.evaluate(rule);
        List<RollUpComparison.Row> comparison = List.of();
        if (compareRollUps) {
            ScoredArticles train = which == Split.TRAIN ? ScoredArticles.score(bundle, List.of(), Split.TRAIN)
                    : ScoredArticles.score(bundle, labelled, Split.TRAIN);
            try {
                comparison = RollUpComparison.compare(scored, train);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("the learned roll-up could not be fitted: " + e.getMessage(), e);
            }
        }
        System.err.printf(Locale.ROOT, "Scored %,d %s documents for the article-level figures in %.1f s%n",
                scored.articles().size(), which.label(), (System.nanoTime() - start) / 1e9);
        return new ArticleReport(file.toString(), rule.describe(), evaluation, ArticleEvaluation.intervals(
                new Bootstrap(Bootstrap.DEFAULT_ITERATIONS, seed), bundle.schema(), scored.gold(),
                scored.predicted(rule)), comparison);
    }

    /**
     * Refuses (a usage error, exit 2) a comparison with a run that records other data or another
     * split, unless --allow-different-data; warns when the earlier run does not say.
     */
    private void checkSameData(Gates.Earlier earlier, String sha256, Split which) {
        if (!earlier.recordsData()) {
            System.err.printf(Locale.ROOT, "stancekit: warning: %s does not record the data it was computed on "
                    + "(data.sha256, data.split; written since this version), so it is compared without checking "
                    + "that the data are the same%n", compareTo);
            return;
        }
        List<String> differences = new ArrayList<>();
        if (earlier.dataSplit() != null && !earlier.dataSplit().equals(which.label())) {
            differences.add("data.split " + earlier.dataSplit() + " there, " + which.label() + " here");
        }
        if (earlier.dataSha256() != null && sha256 != null && !earlier.dataSha256().equals(sha256)) {
            differences.add("data.sha256 " + earlier.dataSha256() + " there, " + sha256 + " here");
        }
        if (differences.isEmpty()) {
            return;
        }
        String what = compareTo + " was computed on other data (" + String.join("; ", differences) + ")";
        if (!allowDifferentData) {
            throw new ParameterException(spec.commandLine(), what + ": figures of different data differ by more than "
                    + "the model, so the comparison is refused; give --allow-different-data to compare anyway");
        }
        System.err.printf(Locale.ROOT, "stancekit: warning: %s; compared anyway, as --allow-different-data asks%n", what);
    }

    private int evaluate(StanceModel<?, ?> bundle, Split which, Map<String, Double> floors, double drop, double level,
                         Gates.Earlier earlier, String knownSha256) throws IOException {
        Dataset dataset = new LabelledFiles(bundle.schema()).read(data);
        List<LabelledSentence> rows = dataset.split(which);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(dataset.origin() + ": no sentences in the " + which.label() + " split");
        }
        List<Labels> gold = rows.stream().map(LabelledSentence::labels).toList();
        List<String> texts = rows.stream().map(LabelledSentence::text).toList();
        List<Prediction> predictions = bundle.predict(texts);
        List<Labels> predicted = predictions.stream().map(Prediction::labels).toList();
        Evaluator evaluator = new Evaluator();
        Evaluation evaluation = evaluator.evaluate(bundle.schema(), gold, predicted);
        Map<String, Evaluation> bySource = new java.util.TreeMap<>();
        for (String source : rows.stream().map(LabelledSentence::source).distinct().toList()) {
            List<Integer> at = java.util.stream.IntStream.range(0, rows.size())
                    .filter(i -> rows.get(i).source().equals(source)).boxed().toList();
            bySource.put(source, evaluator.evaluate(bundle.schema(), at.stream().map(gold::get).toList(),
                    at.stream().map(predicted::get).toList()));
        }
        Map<String, EvaluationReport.Calibrated> calibration = Calibrations.of(bundle, texts, gold, predictions);
        Map<String, Evaluation> baselineResults = new LinkedHashMap<>();
        if (baselines) {
            long start = System.nanoTime();
            if (bundle.manifest().describesTransformer()) {
                // The model users would otherwise pick: the shipped fast model on the same sentences.
                List<Labels> fast;
                try (StanceModel<?, ?> shipped = new BundleReader().readShipped("fast")) {
                    fast = shipped.predict(texts).stream().map(Prediction::labels).toList();
                }
                baselineResults.put(SHIPPED_FAST, evaluator.evaluate(bundle.schema(), gold, fast));
            }
            baselineResults.putAll(Baselines.evaluateAll(Baselines.standard(seed), dataset, which, seed));
            System.err.printf(Locale.ROOT, "Baselines trained and evaluated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        EvaluationReport ungated = new EvaluationReport(model.describe(), dataset.origin(), which.label(), evaluation,
                new Bootstrap(Bootstrap.DEFAULT_ITERATIONS, seed).macroF1Intervals(bundle.schema(), gold, predicted),
                baselineResults, List.of(), bySource,
                Mistake.mostConfident(bundle.schema(), texts, gold, predictions, MISTAKES_PER_HEAD), calibration,
                bundle.manifest().provenance(),
                new DataFingerprint(knownSha256 != null ? knownSha256 : DataFingerprint.sha256(data), which.label(),
                        evaluation.size()), articles(bundle, which));
        List<String> ids = rows.stream().map(LabelledSentence::id).toList();
        List<Gate> gates = new ArrayList<>(Gates.failUnder(ungated.metrics(), floors));
        if (earlier != null) {
            if (earlier.sentences() >= 0 && earlier.sentences() != evaluation.size()) {
                // Not an error: the test set may have grown on purpose. But the figures of two
                // different sets differ by more than the model, and the log should say so.
                System.err.printf(Locale.ROOT, "stancekit: warning: %s was computed on %d sentences, this evaluation "
                        + "on %d: the comparison is not like for like%n", compareTo, earlier.sentences(), evaluation.size());
            }
            gates.addAll(Gates.compareTo(ungated.metrics(), earlier, drop,
                    noiseAware ? noise(bundle, rows, ids, gold, predicted, ungated, earlier, level) : null));
        }
        EvaluationReport full = ungated.withGates(gates);
        new ReportWriter().write(full, report);
        // Written after the comparison, which may read the predictions.csv of the same folder.
        PredictionsCsv.write(report.resolve(PredictionsCsv.FILE_NAME), bundle.schema(),
                new PredictionsCsv.Rows(ids, gold, predicted));

        System.out.print(MetricsTable.render(full));
        System.out.println();
        System.out.println("Wrote " + report.resolve(ReportWriter.REPORT_MD) + ", " + ReportWriter.REPORT_HTML + ", "
                + ReportWriter.METRICS_JSON + ", " + ReportWriter.JUNIT_XML + ", " + PredictionsCsv.FILE_NAME);
        for (Gate g : gates) {
            // The name holds no value (for CI's history); the line gives them.
            System.out.println((g.passed() ? "PASS " : "FAIL ") + g.name() + String.format(Locale.ROOT,
                    " (%s, limit %s)", Double.isNaN(g.actual()) ? "n/a" : String.format(Locale.ROOT, "%.4f", g.actual()),
                    Double.isNaN(g.limit()) ? "n/a" : String.format(Locale.ROOT, "%.4f", g.limit()))
                    + (g.message().isEmpty() ? "" : ": " + g.message()));
        }
        return full.passed() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /**
     * What a noise-aware comparison judges by: the paired bootstrap's drops (of the whole split and
     * of each source) when a predictions.csv of the same sentences lies beside the earlier
     * metrics.json, and else the intervals at {@code level}
     * for the unpaired rule: the whole split's, and per source (whose macro-F1 is compared too) the
     * same bootstrap on that source's sentences.
     */
    private Gates.Noise noise(StanceModel<?, ?> bundle, List<LabelledSentence> rows, List<String> ids, List<Labels> gold,
            List<Labels> predicted, EvaluationReport report, Gates.Earlier earlier, double level) {
        Bootstrap bootstrap = new Bootstrap(Bootstrap.DEFAULT_ITERATIONS, seed);
        Map<String, org.stancekit.evaluation.Interval> out = new LinkedHashMap<>(level == DEFAULT_CONFIDENCE
                ? report.intervals() : bootstrap.macroF1Intervals(bundle.schema(), gold, predicted, level));
        for (String source : report.bySource().keySet()) {
            List<Integer> at = java.util.stream.IntStream.range(0, rows.size())
                    .filter(i -> rows.get(i).source().equals(source)).boxed().toList();
            bootstrap.macroF1Intervals(bundle.schema(), at.stream().map(gold::get).toList(),
                    at.stream().map(predicted::get).toList(), level)
                    .forEach((k, v) -> out.put("sources." + source + "." + k, v));
        }
        Path beside = earlier.file().toAbsolutePath().resolveSibling(PredictionsCsv.FILE_NAME);
        String why;
        if (!java.nio.file.Files.isRegularFile(beside)) {
            why = "judged by the unpaired rule: no " + PredictionsCsv.FILE_NAME + " beside " + earlier.file()
                    + " for a paired bootstrap";
        } else {
            try {
                PredictionsCsv.Rows old = PredictionsCsv.read(beside, bundle.schema());
                List<Labels> before = aligned(old, ids);
                if (before != null) {
                    // Both runs are scored against this run's gold labels, so that only the predictions differ.
                    Map<String, PairedDrop> paired = new LinkedHashMap<>(
                            bootstrap.pairedDrops(bundle.schema(), gold, before, predicted, level));
                    for (String source : report.bySource().keySet()) {
                        List<Integer> at = java.util.stream.IntStream.range(0, rows.size())
                                .filter(i -> rows.get(i).source().equals(source)).boxed().toList();
                        bootstrap.pairedDrops(bundle.schema(), at.stream().map(gold::get).toList(),
                                at.stream().map(before::get).toList(), at.stream().map(predicted::get).toList(), level)
                                .forEach((k, v) -> paired.put("sources." + source + "." + k, v));
                    }
                    return new Gates.Noise(out, paired, level, "");
                }
                why = "judged by the unpaired rule: " + beside + " holds other sentences than this evaluation ("
                        + old.ids().size() + " ids there, " + ids.size() + " here), so no paired bootstrap";
            } catch (IOException e) {
                why = "judged by the unpaired rule: " + e.getMessage();
            }
        }
        System.err.println("stancekit: note: " + why);
        return new Gates.Noise(out, Map.of(), level, why);
    }

    /** The earlier predictions in the order of {@code ids}, or null when the two runs' ids differ. */
    private static List<Labels> aligned(PredictionsCsv.Rows old, List<String> ids) {
        Map<String, Labels> byId = new java.util.HashMap<>();
        for (int i = 0; i < old.ids().size(); i++) {
            byId.put(old.ids().get(i), old.predicted().get(i));
        }
        if (byId.size() != old.ids().size() || byId.size() != ids.size() || !byId.keySet().containsAll(ids)) {
            return null;
        }
        return ids.stream().map(byId::get).toList();
    }

    /** A --max-drop that is not 'auto' as a number; anything else is a usage error. */
    private static double parseDrop(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-drop must be a number from 0 to 1 or 'auto', got '" + value + "'");
        }
    }

    /** {@code parse}'s result; its IllegalArgumentException becomes a usage error (exit code 2). */
    private <T> T usage(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
