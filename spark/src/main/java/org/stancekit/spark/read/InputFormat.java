package org.stancekit.spark.read;

/** How an input path is read. */
public enum InputFormat {
    /** Parquet when the path is a {@code .parquet} file or a folder holding one, files otherwise. */
    AUTO,
    /** {@code .txt}, {@code .csv} and {@code .jsonl} files, gzipped or not ({@link FileInputs}). */
    FILES,
    /** A Parquet table with id and text columns ({@link TableInputs}). */
    PARQUET
}
