package org.stancekit.spark.score;

import org.stancekit.inference.write.OutputFormat;

/** How scored results travel from the scoring tasks to the writers. */
public enum ResultEncoding {
    /** Typed columns (strings, integers, doubles), as Parquet and the Dataset API hold them. */
    TYPED(null),
    /** Lines of {@code sentences.csv}, {@code articles.csv} and {@code errors.csv}, as the CLI writes them. */
    CSV_LINES(OutputFormat.CSV),
    /** Lines of the JSONL files, as the CLI writes them. */
    JSONL_LINES(OutputFormat.JSONL);

    private final OutputFormat lines;

    ResultEncoding(OutputFormat lines) {
        this.lines = lines;
    }

    /** The file format of the lines; null for {@link #TYPED}. */
    public OutputFormat lineFormat() {
        return lines;
    }
}
