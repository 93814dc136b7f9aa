package org.stancekit.spark.write;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.inference.write.ScoreLines;
import org.stancekit.spark.score.ResultRows;

/**
 * Writes the three outputs of one scoring pass into {@code OUT/sentences/}, {@code OUT/articles/}
 * and {@code OUT/errors/}, each a Spark output folder (part files and {@code _SUCCESS}) written
 * through Spark's file commit protocol: a file appears only when the task attempt that wrote it
 * is the one committed, so retried and speculative tasks leave exactly one copy of every row.
 * The results should be persisted: each output is one Spark job over them.
 */
public final class ResultWriter {

    private final SparkOutputFormat format;
    private final ScoreLines headers;

    /** A writer of {@code format} files for a model with these columns. */
    public ResultWriter(SparkOutputFormat format, OutputColumns columns) {
        this.format = format;
        this.headers = format == SparkOutputFormat.PARQUET ? null
                : new ScoreLines(columns, format.encoding().lineFormat(), false);
    }

    /** Writes every output of {@code results} (rows of {@link ResultRows} in this format's encoding). */
    public void write(Dataset<Row> results, String out, SaveMode mode) {
        for (String kind : ResultRows.OUTPUTS) {
            Dataset<Row> rows = results.filter(col(ResultRows.KIND).equalTo(kind));
            String dir = out.endsWith("/") ? out + kind : out + "/" + kind;
            if (format == SparkOutputFormat.PARQUET) {
                rows.select(col(kind + ".*")).write().mode(mode).parquet(dir);
            } else {
                rows.select(ResultRows.LINE).write().mode(mode).format(LinesFileFormat.class.getName())
                        .option(LinesFileFormat.HEADER, header(kind))
                        .option(LinesFileFormat.EXTENSION, format.extension()).save(dir);
            }
        }
    }

    private String header(String kind) {
        return switch (kind) {
            case ResultRows.SENTENCES -> headers.sentenceHeader();
            case ResultRows.ARTICLES -> headers.articleHeader();
            default -> headers.errorHeader();
        };
    }
}
