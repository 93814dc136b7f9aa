package org.stancekit.inference.cli;

import org.stancekit.runtime.Failures;
import org.stancekit.runtime.Logging;
import org.stancekit.runtime.SerialFilter;
import org.stancekit.cli.UsageErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the scoring verbs; the {@code stancekit} launcher sends {@code score} and {@code bench} here. */
@Command(name = "stancekit", mixinStandardHelpOptions = true, subcommands = {ScoreCommand.class, BenchCommand.class},
        description = "Score news articles for stance toward each party and sentiment, and measure how fast.")
public final class InferenceCli {

    private InferenceCli() {
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
        CommandLine cli = new CommandLine(new InferenceCli()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> Failures.report(e, line.getErr(), verbose));
        cli.setParameterExceptionHandler(UsageErrors::report);
        return cli.execute(args);
    }
}
