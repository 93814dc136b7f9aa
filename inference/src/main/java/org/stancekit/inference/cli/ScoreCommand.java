package org.stancekit.inference.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stancekit.bundle.BundleReader;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.inference.BatchScorer;
import org.stancekit.inference.BatchSummary;
import org.stancekit.inference.OutputFormat;
import org.stancekit.inference.Scorer;
import org.stancekit.runtime.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancekit score}: scores articles in batch. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score articles: every sentence gets a stance toward each party (FAVOR, AGAINST, NEUTRAL, NONE) "
                    + "with probabilities and a sentiment; every article gets a per-party stance, a signed score "
                    + "in [-1, 1] over the sentences that refer to the party, a mention count, and a sentiment.",
            "",
            "Writes sentences.csv, articles.csv and errors.csv (or .jsonl with --format jsonl) to the output "
                    + "folder. Inputs that cannot be scored are listed in errors.csv and the batch goes on.",
            "Exit codes: 0 all articles scored, 1 some inputs failed (see errors.csv), 2 usage error, "
                    + "3 unreadable model or input path."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = ".txt files (one article each; the file name is the id), folders of them (recursively), "
                    + "or .csv/.jsonl files with 'id' and 'text' columns or fields.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = {"-m", "--model"}, paramLabel = "BUNDLE",
            description = "Model bundle (.zip). Default: the model embedded in StanceKit.")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-v", "--verbose"}, description = "Show DL4J's log output.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        ModelBundle bundle = new BundleReader().readOrDefault(model);
        BatchSummary s = new BatchScorer(new Scorer(bundle)).run(inputs, out, format, progress -> { });
        System.err.printf(Locale.ROOT, "Scored %d articles, %d sentences in %.1f s (%.0f sentences/s); %d failed. Output: %s%n",
                s.articles(), s.sentences(), s.millis() / 1000.0, s.sentencesPerSecond(), s.failed(), out);
        if (s.failed() > 0) {
            System.err.println("See " + out.resolve("errors.csv") + " for the inputs that could not be scored.");
        }
        return s.failed() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
