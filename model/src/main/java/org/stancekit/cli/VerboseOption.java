package org.stancekit.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option of every command, as a picocli mixin. Logging is configured from
 * the raw arguments before picocli parses them ({@link org.stancekit.runtime.Logging#wantsVerbose}),
 * so that the first library logger already obeys it; the mixin puts the option in each command's
 * help and makes picocli accept it.
 */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Show DL4J's log output.")
    boolean verbose;
}
