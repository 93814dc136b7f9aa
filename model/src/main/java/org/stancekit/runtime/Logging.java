package org.stancekit.runtime;

/**
 * Configures slf4j-simple, which DL4J and ND4J log through in the CLIs (they bring it; this
 * library only depends on slf4j-api, and the properties are inert under another binding). DL4J's INFO output (native
 * back-end banners, workspace notes) drowns a command's own output, so the default level is
 * {@code warn}; {@code --verbose} turns it up to {@code info}. Must run before the first logger
 * is created, that is before anything touches ND4J.
 */
public final class Logging {

    private Logging() {
    }

    /** Sets the log level unless the user already chose one with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel}. */
    public static void configure(boolean verbose) {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (verbose) {
            System.setProperty(key, "info");
        } else if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
        if (!verbose) {
            // Warnings that say nothing to a user: no GPU on a CPU machine (DJL), ND4J's op-import
            // registry and SameDiff's notes on a loss op's fields.
            for (String quiet : new String[] {"ai.djl.util.cuda.CudaUtils", "org.nd4j.imports.converters.ImportClassMapping",
                "org.nd4j.autodiff.functions.DifferentialFunction"}) {
                String logger = "org.slf4j.simpleLogger.log." + quiet;
                if (System.getProperty(logger) == null) {
                    System.setProperty(logger, "error");
                }
            }
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
    }

    /** True when the arguments ask for verbose output; read before picocli so that logging is set first. */
    public static boolean wantsVerbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose") || a.equals("-v")) {
                return true;
            }
        }
        return false;
    }
}
