package org.stancekit.spark;

import org.stancekit.inference.read.ReaderOptions;

/**
 * How {@link StanceKitSpark} scores.
 *
 * @param model {@code default}, {@code fast} or a bundle file on the driver; null for the default model
 * @param read the id and text columns and the longest article, as {@code score}'s options
 * @param partitions scoring partitions (tasks, and files per output); 0 for Spark's default parallelism
 * @param workers encoder threads per task, beside the task's inference thread (1 suits one core a task)
 * @param spreadsheetSafe CSV cells of input text that a spreadsheet would run as a formula written as text
 */
public record SparkScoreOptions(String model, ReaderOptions read, int partitions, int workers, boolean spreadsheetSafe) {

    public SparkScoreOptions {
        if (read == null) {
            throw new IllegalArgumentException("read settings are required");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be 0 (Spark's default) or more, got " + partitions);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    /** The default model, {@code id} and {@code text} columns, Spark's parallelism, one encoder a task. */
    public static SparkScoreOptions defaults() {
        return new SparkScoreOptions(null, ReaderOptions.DEFAULT, 0, 1, false);
    }

    /** A copy with another model ({@code default}, {@code fast} or a bundle file). */
    public SparkScoreOptions withModel(String m) {
        return new SparkScoreOptions(m, read, partitions, workers, spreadsheetSafe);
    }

    /** A copy with other read settings. */
    public SparkScoreOptions withRead(ReaderOptions r) {
        return new SparkScoreOptions(model, r, partitions, workers, spreadsheetSafe);
    }

    /** A copy with another number of partitions. */
    public SparkScoreOptions withPartitions(int n) {
        return new SparkScoreOptions(model, read, n, workers, spreadsheetSafe);
    }

    /** A copy with another number of encoder threads per task. */
    public SparkScoreOptions withWorkers(int n) {
        return new SparkScoreOptions(model, read, partitions, n, spreadsheetSafe);
    }

    /** A copy that writes CSV cells safely for spreadsheets (or not). */
    public SparkScoreOptions withSpreadsheetSafe(boolean safe) {
        return new SparkScoreOptions(model, read, partitions, workers, safe);
    }
}
