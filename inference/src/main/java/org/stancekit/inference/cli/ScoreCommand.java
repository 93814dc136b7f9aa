package org.stancekit.inference.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.model.StanceModel;
import org.stancekit.inference.BatchOptions;
import org.stancekit.inference.BatchScorer;
import org.stancekit.inference.BatchSummary;
import org.stancekit.inference.OutputFormat;
import org.stancekit.inference.ReaderOptions;
import org.stancekit.inference.ResumeMismatchException;
import org.stancekit.inference.Scorer;
import org.stancekit.runtime.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancekit score}: scores articles in batch. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score articles: every sentence gets a stance toward each party (FAVOR, AGAINST, NEUTRAL, NONE) "
                    + "with probabilities and a sentiment; every article gets a per-party stance, a signed score "
                    + "in [-1, 1] over the sentences that refer to the party, a mention count, a confidence, and a sentiment.",
            "",
            "Writes sentences.csv, articles.csv and errors.csv (or .jsonl with --format jsonl) to the output "
                    + "folder, streaming, in input order. Inputs that cannot be scored are listed in errors.csv and "
                    + "the batch goes on. An interrupted run (killed, Ctrl-C, crash) continues with --resume.",
            "Every core is used: one thread runs the network, the others read and encode at a lower priority "
                    + "(10 nice steps on Linux; -Dstancekit.helperNice=N in STANCEKIT_JAVA_OPTS sets another step, 0 none).",
            "Exit codes: 0 all articles scored, 1 some inputs failed (see errors.csv), "
                    + "2 usage error (including a --resume that does not match the interrupted run), "
                    + "3 unreadable model, missing input path or unwritable output, "
                    + "130 stopped by Ctrl-C and 143 by SIGTERM (progress is saved: run again with --resume)."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = ".txt files (one article each; the file name is the id), folders of them (recursively), "
                    + ".csv files with id and text columns, .jsonl files with id and text fields, any of them gzipped "
                    + "(.txt.gz, .csv.gz, .jsonl.gz), or '-' for standard input read as JSONL.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Mixin
    EngineOptions engine;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--id-column", paramLabel = "NAME", defaultValue = "id",
            description = "CSV column (any case) or JSON field holding the article id (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
            description = "CSV column (any case) or JSON field holding the article text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + ReaderOptions.DEFAULT_MAX_ARTICLE_CHARS,
            description = "Longest article accepted, in characters; longer ones go to errors.csv (default: ${DEFAULT-VALUE}).")
    int maxChars;

    @Option(names = "--spreadsheet-safe",
            description = "Write CSV cells of input text (ids, sentences, error reasons) that begin with = + - @ "
                    + "with a leading apostrophe, so a spreadsheet shows them as text instead of running them as "
                    + "formulas. Off by default: it changes the text, and programs reading the CSV want it unchanged.")
    boolean spreadsheetSafe;

    @Option(names = "--resume",
            description = "Continue the interrupted run in the output folder (same inputs and options): "
                    + "articles already written are kept and not scored again. Without an interrupted run, starts afresh.")
    boolean resume;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Live progress on standard error: auto (when it is a terminal), always, never (default: ${DEFAULT-VALUE}).")
    ProgressMode progress;

    @Option(names = {"-v", "--verbose"}, description = "Show DL4J's log output.")
    boolean verbose;

    /** When to show the live progress line. */
    enum ProgressMode { AUTO, ALWAYS, NEVER }

    @Override
    public Integer call() throws IOException {
        StanceModel<?, ?> bundle = engine.bundle();
        BatchOptions options;
        PipelineOptions pipeline;
        try {
            options = new BatchOptions(new ReaderOptions(idColumn, textColumn, maxChars), resume,
                    BatchOptions.DEFAULT_CHECKPOINT_MILLIS, spreadsheetSafe);
            pipeline = engine.pipeline(bundle);
        } catch (IllegalArgumentException e) {
            System.err.println("stancekit score: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (resume) {
            long done = BatchScorer.resumePoint(out);
            System.err.println(done < 0 ? "Nothing to resume in " + out + "; starting a new run."
                    : String.format(Locale.ROOT, "Resuming: %,d inputs already done in %s.", done, out));
        }
        BatchScorer scorer = new BatchScorer(new Scorer(bundle, pipeline), options);
        boolean live = progress == ProgressMode.ALWAYS || (progress == ProgressMode.AUTO && ProgressDisplay.stderrIsTerminal());
        ProgressDisplay display = new ProgressDisplay(System.err, live);
        // The hook is released only after the summary is printed: on Ctrl-C the JVM halts as soon
        // as it returns, and the user must still be told that the run can be resumed.
        try (StopOnShutdown hook = new StopOnShutdown(scorer)) {
            BatchSummary s;
            try {
                s = scorer.run(inputs, out, format, display);
            } catch (ResumeMismatchException e) {
                display.clear();
                System.err.println("stancekit score: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            display.clear();
            report(s);
            return s.complete() && s.failed() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        } finally {
            display.clear();
        }
    }

    private void report(BatchSummary s) {
        System.err.printf(Locale.ROOT, "%s %d articles, %d sentences in %.1f s (%.0f sentences/s); %d failed. Output: %s%n",
                s.complete() ? "Scored" : "Stopped after", s.articles(), s.sentences(), s.millis() / 1000.0,
                s.sentencesPerSecond(), s.failed(), out);
        if (!s.complete()) {
            System.err.println("Progress is saved; run the same command with --resume to continue.");
        }
        if (s.failed() > 0) {
            System.err.println("See " + out.resolve("errors.csv") + " for the inputs that could not be scored.");
        }
    }

    /**
     * On Ctrl-C (or any JVM shutdown) mid-run, stops the scorer and waits for its last checkpoint,
     * so that {@code --resume} loses nothing; removed again when the run ends normally.
     */
    private static final class StopOnShutdown implements AutoCloseable {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook;

        StopOnShutdown(BatchScorer scorer) {
            hook = new Thread(() -> {
                scorer.stop();
                try {
                    finished.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stancekit-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void close() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and has just been released.
            }
        }
    }
}
