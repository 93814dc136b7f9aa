package org.stancekit.inference.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.stancekit.cli.VerboseOption;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.model.StanceModel;
import org.stancekit.inference.batch.BatchOptions;
import org.stancekit.inference.batch.BatchScorer;
import org.stancekit.inference.batch.BatchSummary;
import org.stancekit.inference.write.OutputFormat;
import org.stancekit.inference.batch.ResumeMismatchException;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.write.Counts;
import org.stancekit.inference.write.ScoreDocument;
import org.stancekit.inference.write.ScoreTable;
import org.stancekit.inference.Scorer;
import org.stancekit.domain.Article;
import org.stancekit.runtime.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancekit score}: scores articles in batch, or one text given on the command line. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score articles: every sentence gets a stance toward each party (FAVOR, AGAINST, NEUTRAL, NONE) "
                    + "with probabilities and a sentiment; every article gets a per-party stance, a signed score "
                    + "in [-1, 1] over the sentences that refer to the party, a mention count, a confidence, and a sentiment.",
            "",
            "Writes sentences.csv, articles.csv and errors.csv (or .jsonl with --format jsonl) to the output "
                    + "folder, streaming, in input order. Inputs that cannot be scored are listed in errors.csv and "
                    + "the batch goes on. An interrupted run (killed, Ctrl-C, crash) continues with --resume.",
            "With --text TEXT instead of INPUT and --out, scores that one text as an article and prints a table "
                    + "(or, with --format json, one JSON document) on standard output; nothing is written.",
            "Every core is used: one thread runs the network, the others read and encode at a lower priority "
                    + "(10 nice steps on Linux; -Dstancekit.helperNice=N in STANCEKIT_JAVA_OPTS sets another step, 0 none).",
            "Exit codes: 0 all articles scored, 1 some inputs failed (see errors.csv or errors.jsonl), "
                    + "2 usage error (including a --resume that does not match the interrupted run), "
                    + "3 unreadable model, missing input path or unwritable output, "
                    + "130 stopped by Ctrl-C and 143 by SIGTERM (progress is saved: run again with --resume)."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = ".txt files (one article each; the file name is the id), folders of them (recursively), "
                    + ".csv files with id and text columns, .jsonl files with id and text fields, any of them gzipped "
                    + "(.txt.gz, .csv.gz, .jsonl.gz), or '-' for standard input read as JSONL. Required unless --text is given.")
    List<Path> inputs = List.of();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (created if missing); required with INPUT.")
    Path out;

    @Option(names = {"-t", "--text"}, paramLabel = "TEXT",
            description = "Score this text as one article (split into sentences as files are) and print the result "
                    + "instead of writing files: a table of every sentence's stance toward each party and sentiment, "
                    + "with probabilities, then the article roll-up. '-' reads the text from standard input (UTF-8). "
                    + "Not with INPUT, --out, --resume or --html.")
    String text;

    @Mixin
    EngineOptions engine;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "With INPUT: csv (default) or jsonl files. With --text: table (default), aligned for a "
                    + "terminal, or json, one document for programs.")
    ScoreFormat format;

    @Mixin
    InputColumnsOptions input;

    @Option(names = "--spreadsheet-safe",
            description = "Write CSV cells of input text (ids, sentences, error reasons) that begin with = + - @ "
                    + "with a leading apostrophe, so a spreadsheet shows them as text instead of running them as "
                    + "formulas. Off by default: it changes the text, and programs reading the CSV want it unchanged.")
    boolean spreadsheetSafe;

    @Option(names = "--html",
            description = "Also write articles.html: one self-contained page (no scripts, nothing fetched) showing "
                    + "the first " + 200 + " articles, each with its roll-up per party and every sentence "
                    + "coloured by its stance toward each party; it says how many more were scored. Works with --resume.")
    boolean html;

    @Option(names = "--resume",
            description = "Continue the interrupted run in the output folder (same inputs and options): "
                    + "articles already written are kept and not scored again. Without an interrupted run, starts afresh.")
    boolean resume;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Live progress on standard error: auto (when it is a terminal), always, never (default: ${DEFAULT-VALUE}).")
    ProgressMode progress;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    /** When to show the live progress line. */
    enum ProgressMode { AUTO, ALWAYS, NEVER }

    /** What {@code --format} chooses: a file format for INPUT runs, a printed form for {@code --text}. */
    enum ScoreFormat {
        CSV, JSONL, TABLE, JSON;

        boolean printed() {
            return this == TABLE || this == JSON;
        }
    }

    @Override
    public Integer call() throws IOException {
        requireOneKindOfRun();
        if (text != null) {
            return answer();
        }
        StanceModel<?, ?> bundle = engine.bundle();
        BatchOptions options;
        PipelineOptions pipeline;
        try {
            options = new BatchOptions(input.reader(), resume,
                    BatchOptions.DEFAULT_CHECKPOINT_MILLIS, spreadsheetSafe, html);
            pipeline = engine.pipeline(bundle);
        } catch (IllegalArgumentException e) {
            System.err.println("stancekit score: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (resume) {
            long done = BatchScorer.resumePoint(out);
            System.err.println(done < 0 ? "Nothing to resume in " + out + "; starting a new run."
                    : "Resuming: " + Counts.of(done, "input") + " already done in " + out + ".");
        }
        BatchScorer scorer = new BatchScorer(new Scorer(bundle, pipeline), options);
        boolean live = progress == ProgressMode.ALWAYS || (progress == ProgressMode.AUTO && ProgressDisplay.stderrIsTerminal());
        ProgressDisplay display = new ProgressDisplay(System.err, live);
        // The hook is released only after the summary is printed: on Ctrl-C the JVM halts as soon
        // as it returns, and the user must still be told that the run can be resumed.
        try (StopOnShutdown hook = new StopOnShutdown(scorer)) {
            BatchSummary s;
            try {
                s = scorer.run(inputs, out, outputFormat(), display);
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

    /** Either {@code --text} or INPUT with {@code --out}, each with the options that suit it. */
    private void requireOneKindOfRun() {
        if (text != null) {
            if (!inputs.isEmpty() || out != null) {
                throw usage("--text scores the given text and prints the result: give either --text or INPUT files "
                        + "with --out, not both");
            }
            if (resume || html) {
                throw usage((resume ? "--resume continues a run" : "--html writes a page") + " into --out; it does not apply to --text");
            }
            if (format != null && !format.printed()) {
                throw usage("--text prints a table or json (--format table|json); csv and jsonl are for INPUT files with --out");
            }
            return;
        }
        if (inputs.isEmpty()) {
            throw usage("Missing required parameter: 'INPUT' (or --text TEXT to score one text)");
        }
        if (out == null) {
            throw usage("Missing required option: '--out=DIR'");
        }
        if (format != null && format.printed()) {
            throw usage("--format " + format.name().toLowerCase(Locale.ROOT) + " is for --text; INPUT files are written as csv or jsonl");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private OutputFormat outputFormat() {
        return format == ScoreFormat.JSONL ? OutputFormat.JSONL : OutputFormat.CSV;
    }

    /** {@code --text}: scores the text as one article with the same scorer as files and prints it. */
    private int answer() throws IOException {
        String article;
        try {
            article = TextArgument.read(text, input.maxChars(), System.in);
        } catch (IllegalArgumentException e) {
            System.err.println("stancekit score: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StanceModel<?, ?> bundle = engine.bundle()) {
            PipelineOptions pipeline;
            try {
                pipeline = engine.pipeline(bundle);
            } catch (IllegalArgumentException e) {
                System.err.println("stancekit score: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            ArticleScore score = new Scorer(bundle, pipeline).score(new Article(TextArgument.ID, article));
            if (score.sentences().isEmpty()) {
                System.err.println("stancekit score: the text has no sentences to score");
                return ExitCodes.USAGE;
            }
            System.out.print(format == ScoreFormat.JSON ? new ScoreDocument().render(score) : new ScoreTable().render(score));
            System.out.flush();
            return ExitCodes.OK;
        }
    }

    private void report(BatchSummary s) {
        System.err.printf(Locale.ROOT, "%s %s, %s in %.1f s (%,.0f sentences/s); %,d failed. Output: %s%n",
                s.complete() ? "Scored" : "Stopped after", Counts.of(s.articles(), "article"),
                Counts.of(s.sentences(), "sentence"), s.millis() / 1000.0, s.sentencesPerSecond(), s.failed(), out);
        if (!s.complete()) {
            System.err.println("Progress is saved; run the same command with --resume to continue.");
        }
        if (s.failed() > 0) {
            String errors = outputFormat() == OutputFormat.JSONL ? "errors.jsonl" : "errors.csv";
            System.err.println("See " + out.resolve(errors) + " for the inputs that could not be scored.");
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
