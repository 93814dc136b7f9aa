package org.stancekit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers a usage error in two or three lines: the error, picocli's suggestions for a misspelt
 * option or command ("Did you mean", "Possible solutions"), and where the options are. The whole
 * help (forty lines) would push the one line that matters off the screen. Both command lines
 * (scoring and training) install it, beside {@link org.stancekit.runtime.Failures} for the errors of a running command.
 */
public final class UsageErrors {

    private UsageErrors() {
    }

    /** A {@link CommandLine.IParameterExceptionHandler}; returns the exit code of invalid input (2). */
    public static int report(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("stancekit: error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + line.getCommandSpec().qualifiedName(" ") + " --help' for the options.");
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }
}
