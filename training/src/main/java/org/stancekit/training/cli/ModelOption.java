package org.stancekit.training.cli;

import java.io.IOException;
import org.stancekit.bundle.BundleReader;
import org.stancekit.model.StanceModel;
import picocli.CommandLine.Option;

/** The {@code --model} option: a shipped model's name or a bundle, defaulting to the shipped default. */
final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "'default' (the shipped fine-tuned transformer), 'fast' (the shipped bag-of-features "
                    + "model) or a model bundle (.zip). Default: default.")
    String model;

    StanceModel<?, ?> load() throws IOException {
        return new BundleReader().readOrDefault(model);
    }

    String describe() {
        return model == null ? "shipped default model" : model.matches("default|fast") ? "shipped " + model + " model" : model;
    }
}
