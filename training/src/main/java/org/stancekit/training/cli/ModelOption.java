package org.stancekit.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.stancekit.bundle.BundleReader;
import org.stancekit.bundle.ModelBundle;
import picocli.CommandLine.Option;

/** The {@code --model BUNDLE} option, defaulting to the model that ships with StanceKit. */
final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "BUNDLE",
            description = "Model bundle (.zip) to use. Default: the model embedded in StanceKit.")
    Path model;

    ModelBundle load() throws IOException {
        return new BundleReader().readOrDefault(model);
    }

    String describe() {
        return model == null ? "embedded default model" : model.toString();
    }
}
