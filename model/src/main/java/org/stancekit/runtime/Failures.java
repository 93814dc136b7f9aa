package org.stancekit.runtime;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Turns an exception that ends a command into a message and an exit code. Problems with the
 * user's input (bad files, bad options) get one clear line without a stack trace; anything else
 * is a bug and keeps its stack trace.
 */
public final class Failures {

    private Failures() {
    }

    /** Reports {@code e} on {@code err} and returns the exit code for it. */
    public static int report(Throwable e, PrintWriter err, boolean verbose) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
            err.println("stancekit: error: " + cause.getMessage());
            if (verbose) {
                cause.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("stancekit: internal error (please report it with the command you ran):");
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
