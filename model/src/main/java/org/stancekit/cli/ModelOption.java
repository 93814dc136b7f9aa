package org.stancekit.cli;

import java.io.IOException;
import org.stancekit.bundle.BundleReader;
import org.stancekit.model.StanceModel;
import picocli.CommandLine.Option;

/**
 * The {@code --model} option of every command that runs a model ({@code score}, {@code bench},
 * {@code evaluate}, {@code dataset distill}), as a picocli mixin: a shipped model's name or a
 * bundle, the shipped default when absent.
 */
public final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "'default' (the fine-tuned transformer shipped inside StanceKit), 'fast' (the shipped "
                    + "bag-of-features model: about 100 times faster, less accurate) or a model bundle (.zip). "
                    + "Default: default.")
    String model;

    /** Loads the model (a bundle is read as untrusted input). */
    public StanceModel<?, ?> load() throws IOException {
        return new BundleReader().readOrDefault(model);
    }

    /** The value given, or null for the shipped default (for a command that reads the bundle's bytes itself). */
    public String name() {
        return model;
    }

    /** How reports name the model: the shipped model's name, or the bundle's path as given. */
    public String describe() {
        return model == null ? "shipped default model" : model.matches("default|fast") ? "shipped " + model + " model" : model;
    }
}
