package org.stancekit.runtime;

/** Exit codes of every {@code stancekit} command, documented in the README. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** The job ran, but some inputs could not be processed (listed in errors.csv), or a gate failed. */
    public static final int PARTIAL = 1;
    /** Bad command line: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** Bad input data or model: malformed CSV, unreadable bundle; the message names file and line. */
    public static final int BAD_INPUT = 3;
    /** An unexpected internal error (a bug); the stack trace is printed. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
