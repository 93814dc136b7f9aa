package org.stancekit.spark.write;

import org.stancekit.spark.score.ResultEncoding;

/** The file format of the job's outputs. */
public enum SparkOutputFormat {
    /** Parquet with the columns of {@code sentences.csv}, {@code articles.csv} and {@code errors.csv}, typed. */
    PARQUET(ResultEncoding.TYPED, ".parquet"),
    /** CSV files whose rows are byte for byte those of {@code stancekit score}; each file has the header. */
    CSV(ResultEncoding.CSV_LINES, ".csv"),
    /** JSONL files whose lines are those of {@code stancekit score --format jsonl}. */
    JSONL(ResultEncoding.JSONL_LINES, ".jsonl");

    private final ResultEncoding encoding;
    private final String extension;

    SparkOutputFormat(ResultEncoding encoding, String extension) {
        this.encoding = encoding;
        this.extension = extension;
    }

    /** How the scoring tasks hand results to the writer for this format. */
    public ResultEncoding encoding() {
        return encoding;
    }

    /** The files' extension. */
    public String extension() {
        return extension;
    }
}
