package org.stancekit.inference.write;

/** The file format of scoring output. */
public enum OutputFormat {
    /** {@code sentences.csv} and {@code articles.csv}. */
    CSV,
    /** {@code sentences.jsonl} and {@code articles.jsonl}: the same fields, one JSON object per line. */
    JSONL
}
