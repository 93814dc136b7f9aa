package org.stancekit.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The three outputs of one scoring pass, each with exactly the columns of its CSV file. They are
 * views of one persisted Dataset, so using all three scores every article once;
 * {@link #unpersist()} frees it when done.
 *
 * @param sentences the columns of {@code sentences.csv}
 * @param articles the columns of {@code articles.csv}
 * @param errors {@code input, article_id, reason}
 * @param results the persisted rows all three are read from
 */
public record ScoredOutputs(Dataset<Row> sentences, Dataset<Row> articles, Dataset<Row> errors, Dataset<Row> results) {

    /** Frees the persisted results. */
    public void unpersist() {
        results.unpersist();
    }
}
