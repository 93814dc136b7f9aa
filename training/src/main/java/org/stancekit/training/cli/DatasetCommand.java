package org.stancekit.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stancekit.domain.LabelSchema;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.training.Dataset;
import org.stancekit.training.DatasetChecker;
import org.stancekit.training.DatasetReport;
import org.stancekit.training.LabelledCsvReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancekit dataset}: tools for labelled datasets. */
@Command(name = "dataset", mixinStandardHelpOptions = true, subcommands = DatasetCommand.Check.class,
        description = "Work with labelled datasets. See 'stancekit dataset check --help'.")
final class DatasetCommand {

    /** {@code stancekit dataset check}. */
    @Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "Validate a labelled CSV and print its counts: schema and labels of every row, each document in "
                        + "one split, no text in two splits, synthetic text only in train and at most 10%% of it, "
                        + "every test sentence annotated twice.",
                "Prints counts per split, per party and label, and Cohen's kappa per party and for sentiment, "
                        + "computed from the two annotation files. Exits 1 when a check fails."})
    static final class Check implements Callable<Integer> {

        @Option(names = "--data", paramLabel = "FILE", defaultValue = "datasets/labelled/sentences.csv",
                description = "Labelled sentences (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--agreement", paramLabel = "A.csv,B.csv", split = ",", hideParamSyntax = true,
                description = "The two independent annotation files. Default: ../agreement/annotator_a.csv and "
                        + "annotator_b.csv beside the data file's folder, when present.")
        Path[] agreement;

        @Override
        public Integer call() throws IOException {
            Dataset dataset = new LabelledCsvReader(LabelSchema.DEFAULT).read(data);
            Path[] files = agreement != null ? agreement : DatasetChecker.defaultAgreementFiles(data);
            if (files != null && files.length != 2) {
                throw new IllegalArgumentException("--agreement takes exactly two files, got " + files.length);
            }
            DatasetReport report = new DatasetChecker().check(dataset, files == null ? null : files[0],
                    files == null ? null : files[1]);
            print(report, files);
            return report.passed() ? ExitCodes.OK : ExitCodes.PARTIAL;
        }

        private static void print(DatasetReport r, Path[] files) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "sentences: %d  (train %d, dev %d, test %d)%n", r.sentences(),
                    r.bySplit().get("train"), r.bySplit().get("dev"), r.bySplit().get("test")));
            sb.append("sources: ").append(r.bySource()).append(System.lineSeparator());
            sb.append(String.format(Locale.ROOT, "no party referred to: %d (%.1f%%)%n", r.noParty(),
                    100.0 * r.noParty() / Math.max(1, r.sentences())));
            sb.append(String.format(Locale.ROOT, "%n%-9s %-6s %7s %8s %8s %6s  %s%n", "party", "split",
                    "FAVOR", "AGAINST", "NEUTRAL", "NONE", "referring"));
            for (Map.Entry<String, Map<String, Map<String, Integer>>> party : r.stanceCounts().entrySet()) {
                for (Map.Entry<String, Map<String, Integer>> split : party.getValue().entrySet()) {
                    Map<String, Integer> c = split.getValue();
                    int referring = c.values().stream().mapToInt(Integer::intValue).sum() - c.getOrDefault("NONE", 0);
                    sb.append(String.format(Locale.ROOT, "%-9s %-6s %7d %8d %8d %6d  %d%n", party.getKey(),
                            split.getKey(), c.getOrDefault("FAVOR", 0), c.getOrDefault("AGAINST", 0),
                            c.getOrDefault("NEUTRAL", 0), c.getOrDefault("NONE", 0), referring));
                }
            }
            sb.append(String.format(Locale.ROOT, "%n%-9s %-6s %8s %8s %8s%n", "", "split", "POSITIVE", "NEGATIVE", "NEUTRAL"));
            for (Map.Entry<String, Map<String, Integer>> split : r.sentimentCounts().entrySet()) {
                Map<String, Integer> c = split.getValue();
                sb.append(String.format(Locale.ROOT, "%-9s %-6s %8d %8d %8d%n", "sentiment", split.getKey(),
                        c.getOrDefault("POSITIVE", 0), c.getOrDefault("NEGATIVE", 0), c.getOrDefault("NEUTRAL", 0)));
            }
            if (files != null) {
                sb.append(String.format(Locale.ROOT, "%ndouble-annotated: %d sentences %s (%s, %s)%n",
                        r.doubleAnnotated(), r.doubleAnnotatedBySplit(), files[0], files[1]));
                sb.append(String.format(Locale.ROOT, "%-23s %6s", "", "all"));
                r.kappaBySplit().keySet().forEach(split -> sb.append(String.format(Locale.ROOT, " %6s", split)));
                sb.append(System.lineSeparator());
                r.kappa().forEach((k, v) -> {
                    sb.append(String.format(Locale.ROOT, "Cohen's kappa %-9s %6.3f", k, v));
                    r.kappaBySplit().values().forEach(bySplit -> sb.append(String.format(Locale.ROOT, " %6.3f", bySplit.get(k))));
                    sb.append(System.lineSeparator());
                });
            }
            r.warnings().stream().limit(20).forEach(w -> sb.append("warning: ").append(w).append(System.lineSeparator()));
            if (r.warnings().size() > 20) {
                sb.append("warning: ... and ").append(r.warnings().size() - 20).append(" more").append(System.lineSeparator());
            }
            r.problems().forEach(p -> sb.append("FAILED: ").append(p).append(System.lineSeparator()));
            sb.append(r.passed() ? "dataset check passed" : "dataset check FAILED: " + r.problems().size() + " problem(s)");
            System.out.println(sb);
        }
    }
}
