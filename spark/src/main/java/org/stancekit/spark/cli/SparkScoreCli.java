package org.stancekit.spark.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.stancekit.cli.ModelOption;
import org.stancekit.cli.UsageErrors;
import org.stancekit.cli.VerboseOption;
import org.stancekit.inference.cli.InputColumnsOptions;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.runtime.Failures;
import org.stancekit.runtime.Logging;
import org.stancekit.spark.RunSummary;
import org.stancekit.spark.SparkScoreOptions;
import org.stancekit.spark.StanceKitSpark;
import org.stancekit.spark.read.InputFormat;
import org.stancekit.spark.write.SparkOutputFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stancekit spark-score}: scores articles on Spark, in {@code local[*]} on this machine or,
 * as the job jar's main class under {@code spark-submit}, on a cluster. The first argument may be
 * the verb itself ({@code spark-score}, as the launcher passes it), which is skipped.
 */
@Command(name = "spark-score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Score articles on Apache Spark with the same model, scoring code and output columns as 'stancekit score': "
                    + "on every core of this machine (--master local[*], the default) or, run by spark-submit from the "
                    + "job jar, on a standalone, YARN or Kubernetes cluster (README, 'Scale out'; docs/spark.md).",
            "",
            "Writes OUT/sentences/, OUT/articles/ and OUT/errors/, each a Spark output folder of part files (one per "
                    + "partition) and _SUCCESS. A CSV part file has the header and rows byte for byte as 'score' writes "
                    + "them for the same articles scored in the same batches (one partition: the same file); JSONL and "
                    + "Parquet hold the same columns and values. An input that cannot be scored becomes a row of "
                    + "OUT/errors/ (input, article_id, reason) and the job goes on.",
            "Retried and speculative tasks leave one copy of every row: files are committed by Spark's output commit "
                    + "protocol.",
            "Exit codes: 0 all articles scored, 1 some inputs failed (see OUT/errors/), 2 usage error, "
                    + "3 unreadable model, missing input, or output folder that exists (without --overwrite), "
                    + "70 internal error."})
public final class SparkScoreCli implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Any path Spark reads (local, hdfs://, s3a://; folders are searched recursively; globs too): "
                    + ".txt files (one article each; the file name is the id), .csv files with id and text columns, "
                    + ".jsonl files with id and text fields, any of them gzipped, or Parquet (a .parquet file or a "
                    + "folder of them) with id and text columns.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output folder, any path Spark writes; it must not exist unless --overwrite is given.")
    String out;

    @Mixin
    ModelOption model;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (every core here; the default when not run by spark-submit), local[N], "
                    + "spark://HOST:7077, yarn, k8s://... Under spark-submit, leave it out: spark-submit's --master applies.")
    String master;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output files: csv (default), jsonl or parquet.")
    SparkOutputFormat format;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Scoring partitions: tasks, and part files per output. Default 0: Spark's default parallelism "
                    + "(the cores of the cluster). More, smaller partitions balance a cluster better; each costs a "
                    + "little start-up.")
    int partitions;

    @Option(names = "--input-format", paramLabel = "KIND", defaultValue = "auto",
            description = "auto (default: Parquet for a .parquet file or a folder holding one, files otherwise), files or parquet.")
    InputFormat inputFormat;

    @Mixin
    InputColumnsOptions input;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Encoder threads per task, beside its inference thread (default: ${DEFAULT-VALUE}, for one "
                    + "core a task; raise it with spark.task.cpus).")
    int threads;

    @Option(names = "--spreadsheet-safe",
            description = "As for 'score': CSV cells of input text that begin with = + - @ get a leading apostrophe.")
    boolean spreadsheetSafe;

    @Option(names = "--overwrite", description = "Replace the output folders if they exist.")
    boolean overwrite;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit's --conf (repeatable), e.g. --conf spark.driver.memory=4g.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Mixin
    VerboseOption verbose;

    /** Runs the command and exits with its code (the job jar's main class). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code. */
    public static int run(String... args) {
        String[] rest = args.length > 0 && args[0].equals("spark-score") ? Arrays.copyOfRange(args, 1, args.length) : args;
        boolean verbose = Logging.wantsVerbose(rest);
        if (!verbose) {
            // Start-up notes that say nothing to a user on one machine (loopback host name, no native Hadoop).
            for (String quiet : new String[] {"org.apache.spark.util.Utils", "org.apache.hadoop.util.NativeCodeLoader"}) {
                System.setProperty("org.slf4j.simpleLogger.log." + quiet, System.getProperty("org.slf4j.simpleLogger.log." + quiet, "error"));
            }
        }
        Logging.configure(verbose);
        CommandLine cli = new CommandLine(new SparkScoreCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setCommandName("stancekit spark-score");
        cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, line, verbose));
        cli.setParameterExceptionHandler(UsageErrors::report);
        return cli.execute(rest);
    }

    private static int report(Exception e, CommandLine line, boolean verbose) {
        Throwable cause = e;
        if (cause instanceof AnalysisException a && a.getMessage() != null
                && a.getMessage().contains("PATH_ALREADY_EXISTS")) {
            line.getErr().println("stancekit: error: the output folder exists; give --overwrite to replace it ("
                    + a.getMessage().lines().findFirst().orElse("") + ")");
            line.getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        return Failures.report(e, line.getErr(), verbose);
    }

    @Override
    public Integer call() throws IOException {
        SparkScoreOptions options = SparkScoreOptions.defaults()
                .withModel(model.name())
                .withRead(input.reader())
                .withPartitions(partitions)
                .withWorkers(threads)
                .withSpreadsheetSafe(spreadsheetSafe);
        SparkSession.Builder builder = SparkSession.builder().appName("stancekit spark-score");
        if (master != null) {
            builder.master(master);
        } else if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        conf.forEach(builder::config);
        // A session that exists already (a test's, a notebook's) is used and left running.
        boolean ours = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = builder.getOrCreate();
        try {
            StanceKitSpark stancekit = StanceKitSpark.create(spark, options);
            RunSummary s = stancekit.scoreFiles(inputs, inputFormat, out, format,
                    overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
            System.err.printf(Locale.ROOT, "Scored %,d articles, %,d sentences in %.1f s (%,.0f sentences/s); %,d failed. "
                            + "Output: %s (sentences/, articles/, errors/)%n", s.articles(), s.sentences(),
                    s.millis() / 1000.0, s.sentencesPerSecond(), s.failed(), out);
            return s.failed() == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }
}
