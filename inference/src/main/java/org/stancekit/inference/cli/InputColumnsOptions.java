package org.stancekit.inference.cli;

import org.stancekit.inference.read.ReaderOptions;
import picocli.CommandLine.Option;

/**
 * The options of how articles are read, as a picocli mixin shared by {@code score} and
 * {@code spark-score}: the id and text columns and the longest article accepted.
 */
public final class InputColumnsOptions {

    @Option(names = "--id-column", paramLabel = "NAME", defaultValue = "id",
            description = "CSV or table column (any case) or JSON field holding the article id (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
            description = "CSV or table column (any case) or JSON field holding the article text (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + ReaderOptions.DEFAULT_MAX_ARTICLE_CHARS,
            description = "Longest article accepted, in characters; longer ones go to the errors (default: ${DEFAULT-VALUE}).")
    int maxChars;

    /** The reader options these give; throws IllegalArgumentException on invalid values. */
    public ReaderOptions reader() {
        return new ReaderOptions(idColumn, textColumn, maxChars);
    }

    /** The longest article accepted, in characters. */
    public int maxChars() {
        return maxChars;
    }
}
