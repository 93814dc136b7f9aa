package org.stancekit.inference.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.stancekit.bundle.BundleReader;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.inference.pipeline.PipelineOptions;
import picocli.CommandLine.Option;

/** The model and pipeline options that {@code score} and {@code bench} share, so both measure and run the same thing. */
final class EngineOptions {

    @Option(names = {"-m", "--model"}, paramLabel = "BUNDLE",
            description = "Model bundle (.zip). Default: the model embedded in StanceKit.")
    Path model;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that split and encode articles (default: one per core but one, left to the inference thread).")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + PipelineOptions.DEFAULT_BATCH_SIZE,
            description = "Sentences per forward pass at most (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /**
     * The pipeline options; throws IllegalArgumentException on invalid values, including a
     * malformed {@code -Dstancekit.helperNice}, so that it is refused before any output is opened.
     */
    PipelineOptions pipeline() {
        PipelineOptions pipeline = PipelineOptions.defaults().withBatching(batchSize, PipelineOptions.DEFAULT_BATCH_CELLS,
                PipelineOptions.DEFAULT_WINDOW_SENTENCES);
        return threads == null ? pipeline : pipeline.withWorkers(threads);
    }

    /** The bundle given with {@code --model}, or the embedded default. */
    ModelBundle bundle() throws IOException {
        return new BundleReader().readOrDefault(model);
    }
}
