package org.stancekit.inference.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stancekit.cli.VerboseOption;
import org.stancekit.runtime.FileTrees;
import org.stancekit.model.StanceModel;
import org.stancekit.inference.bench.BenchCorpus;
import org.stancekit.inference.bench.BenchReport;
import org.stancekit.inference.bench.Benchmark;
import org.stancekit.inference.pipeline.PipelineOptions;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.runtime.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stancekit bench}: measures scoring speed and memory on a reproducible corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measure scoring speed on a reproducible corpus built from the datasets (labelled sentences and sample "
                    + "articles, repeated to --sentences, written as .txt articles to a temporary folder).",
            "",
            "Reports sentences per second for split_tokenize (reading, splitting and encoding alone), network (the "
                    + "forward pass alone on pre-encoded batches) and end_to_end (files in, CSV out), and the peak heap "
                    + "of the end-to-end runs; prints a table with the targets and writes JSON with --out.",
            "The peak heap depends on the garbage collector: the stancekit launcher runs the serial collector unless "
                    + "STANCEKIT_JAVA_OPTS names another; the report names the one that ran.",
            "The threads around the network (reader, encoders, packer) run 10 nice steps below it on Linux; "
                    + "-Dstancekit.helperNice=N in STANCEKIT_JAVA_OPTS sets another step, 0 none.",
            "Exit codes: 0 done (1 with --check when a target is missed), 2 usage error, 3 unreadable model or datasets."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sentences", paramLabel = "N",
            description = "Corpus size in sentences (default: 200,000 for the fast model, 4,000 for the transformer).")
    Long sentences;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the figures as JSON to this file.")
    Path out;

    // Five, not three: on a shared two-core machine single runs of a stage vary by a fifth.
    @Option(names = "--runs", paramLabel = "R",
            description = "Measure each stage R times and report the median (default: 5 for the fast model, 3 for the "
                    + "transformer).")
    Integer runs;

    @Option(names = "--datasets", paramLabel = "DIR", defaultValue = "${sys:stancekit.home:-.}/datasets",
            description = "The datasets folder the corpus is built from (default: ${DEFAULT-VALUE}).")
    Path datasets;

    @Mixin
    EngineOptions engine;

    @Option(names = "--check", description = "Exit with 1 when a target is not met.")
    boolean check;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        if ((sentences != null && sentences < 1) || (runs != null && runs < 1)) {
            System.err.println("stancekit bench: --sentences and --runs must be positive");
            return ExitCodes.USAGE;
        }
        StanceModel<?, ?> bundle = engine.bundle();
        boolean transformer = bundle.manifest().describesTransformer();
        long corpusSentences = sentences != null ? sentences : transformer ? 4_000 : 200_000;
        int measuredRuns = runs != null ? runs : transformer ? 3 : 5;
        PipelineOptions pipeline;
        try {
            pipeline = engine.pipeline(bundle);
        } catch (IllegalArgumentException e) {
            System.err.println("stancekit bench: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        BenchCorpus corpus = BenchCorpus.load(datasets);
        Path work = Files.createTempDirectory("stancekit-bench-");
        BenchReport report;
        try {
            report = new Benchmark(bundle, pipeline, measuredRuns).run(corpus, corpusSentences, work, System.err::println);
        } finally {
            deleteQuietly(work);
        }
        System.out.print(report.table());
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Json.INDENTED.writeValue(out.toFile(), report.toJson());
            System.out.println("Wrote " + out);
        }
        return check && !report.targetsMet() ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    private static void deleteQuietly(Path work) {
        try {
            FileTrees.delete(work);
        } catch (IOException e) {
            System.err.println("stancekit bench: could not delete " + work + ": " + e.getMessage());
        }
    }
}
