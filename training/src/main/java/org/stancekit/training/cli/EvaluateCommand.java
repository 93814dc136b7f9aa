package org.stancekit.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.evaluation.MetricsJson;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.training.Dataset;
import org.stancekit.training.LabelledCsvReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stancekit evaluate}: scores labelled sentences with a model and reports the metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Evaluate a model on one split of a labelled CSV: accuracy and macro-F1 for every party's stance "
                    + "and for sentiment, and the mean stance macro-F1 over the parties.",
            "Prints a table and writes metrics.json (keys such as stance.macro_f1, "
                    + "stance.parties.us.macro_f1, sentiment.macro_f1) to the report folder."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled sentences (CSV).")
    Path data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test",
            description = "Split to evaluate: train, dev or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin
    ModelOption model;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "report",
            description = "Folder for metrics.json (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = {"-v", "--verbose"}, description = "Show DL4J's log output.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Split which = Split.parse(split);
        ModelBundle bundle = model.load();
        Dataset dataset = new LabelledCsvReader(bundle.schema()).read(data);
        List<LabelledSentence> rows = dataset.split(which);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(data + ": no sentences in the " + which.label() + " split");
        }
        Evaluation evaluation = new Evaluator().evaluate(bundle, rows);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("model", model.describe());
        context.put("data", data.toString());
        context.put("split", which.label());
        Path metrics = report.resolve("metrics.json");
        MetricsJson.write(evaluation, context, metrics);
        System.out.print(MetricsTable.render(evaluation, which.label()));
        System.out.println();
        System.out.println("Wrote " + metrics);
        return ExitCodes.OK;
    }
}
