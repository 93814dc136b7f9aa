package org.stancekit.training.cli;

import java.io.PrintWriter;
import org.stancekit.runtime.Failures;
import org.stancekit.runtime.Logging;
import org.stancekit.runtime.SerialFilter;
import org.stancekit.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the training verbs; the {@code stancekit} launcher sends {@code train}, {@code evaluate} and {@code dataset} here. */
@Command(name = "stancekit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {TrainCommand.class, EvaluateCommand.class, DatasetCommand.class},
        description = "Train and evaluate StanceKit models and check labelled datasets.")
public final class TrainingCli {

    private TrainingCli() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        SerialFilter.install();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        boolean verbose = Logging.wantsVerbose(args);
        Logging.configure(verbose);
        CommandLine cli = new CommandLine(new TrainingCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> Failures.report(e, line.getErr(), verbose));
        // One line and a pointer to --help, as score and bench answer a usage error.
        cli.setParameterExceptionHandler(UsageErrors::report);
        return cli.execute(args);
    }

    /** A writer on standard error that flushes every line, for progress output. */
    static PrintWriter stderr() {
        return new PrintWriter(System.err, true);
    }
}
