package org.stancekit.inference.cli;

import java.io.PrintWriter;
import org.stancekit.runtime.Failures;
import org.stancekit.runtime.Logging;
import org.stancekit.runtime.SerialFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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
        cli.setParameterExceptionHandler(InferenceCli::usageError);
        return cli.execute(args);
    }

    /**
     * Reports a usage error in two or three lines: the error, picocli's suggestions for a misspelt
     * option or command ("Did you mean", "Possible solutions"), and where the options are. The
     * whole help (forty lines) would push the one line that matters off the screen. The training
     * CLI answers alike (its own copy: training does not depend on inference).
     *
     * @return the exit code of invalid input (2)
     */
    static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("stancekit: error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + line.getCommandSpec().qualifiedName(" ") + " --help' for the options.");
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }
}
