package org.stancekit.inference.cli;

import java.io.IOException;
import org.stancekit.cli.ModelOption;
import org.stancekit.model.StanceModel;
import org.stancekit.inference.pipeline.PipelineOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The model and pipeline options that {@code score} and {@code bench} share, so both measure and run the same thing. */
final class EngineOptions {

    @Mixin
    ModelOption model;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that split and encode articles (default: one per core but one, left to the inference thread).")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Sentences per forward pass at most (default: the model's; 64 for the transformer, 2,048 "
                    + "for the fast model).")
    Integer batchSize;

    /**
     * The pipeline options for a model; throws IllegalArgumentException on invalid values,
     * including a malformed {@code -Dstancekit.helperNice}, so that it is refused before any
     * output is opened.
     */
    PipelineOptions pipeline(StanceModel<?, ?> loaded) {
        PipelineOptions pipeline = PipelineOptions.defaults(loaded);
        if (batchSize != null) {
            pipeline = pipeline.withBatching(batchSize, pipeline.batchCells(), pipeline.windowSentences());
        }
        return threads == null ? pipeline : pipeline.withWorkers(threads);
    }

    /** The model given with {@code --model}, or the shipped default. */
    StanceModel<?, ?> bundle() throws IOException {
        return model.load();
    }
}
