package org.stancekit.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.stancekit.inference.read.ReaderOptions;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.model.StanceModel;
import org.stancekit.spark.model.BundleBytes;
import org.stancekit.spark.model.ExecutorModels;
import org.stancekit.spark.read.ArticleRows;
import org.stancekit.spark.read.InputFormat;
import org.stancekit.spark.read.Inputs;
import org.stancekit.spark.read.TableInputs;
import org.stancekit.spark.score.PartitionScorer;
import org.stancekit.spark.score.ResultEncoding;
import org.stancekit.spark.score.ResultRows;
import org.stancekit.spark.write.ResultWriter;
import org.stancekit.spark.write.SparkOutputFormat;

/**
 * StanceKit on Spark: scores articles with the same scoring code, model and output columns as
 * {@code stancekit score}, on every executor of a cluster (or every core, in {@code local[*]}).
 * <pre>{@code
 * StanceKitSpark stancekit = StanceKitSpark.create(spark, SparkScoreOptions.defaults().withModel("fast"));
 * Dataset<Row> articles = stancekit.score(table);          // table: id and text columns
 * Dataset<Row> sentences = stancekit.sentences(table);
 * ScoredOutputs all = stancekit.scoreAll(table);           // all three from one scoring pass
 * }</pre>
 * The bundle is read and checked on the driver, broadcast once, and read once per executor JVM
 * ({@link ExecutorModels}). Articles are partitioned by id (every copy of an id meets in one task,
 * which keeps the first and lists the others as duplicates) and each partition is scored in input
 * order by one scoring pipeline. An article that cannot be scored becomes an errors row; the
 * stage does not fail.
 */
public final class StanceKitSpark {

    private final SparkSession spark;
    private final SparkScoreOptions options;
    private final Broadcast<BundleBytes> bundle;
    private final OutputColumns columns;

    private StanceKitSpark(SparkSession spark, SparkScoreOptions options, Broadcast<BundleBytes> bundle,
                           OutputColumns columns) {
        this.spark = spark;
        this.options = options;
        this.bundle = bundle;
        this.columns = columns;
    }

    /**
     * Reads the model {@code options} names on the driver (as untrusted input: a damaged bundle is
     * refused here, before any task runs) and broadcasts its bytes.
     *
     * @throws IOException when the model cannot be read
     */
    public static StanceKitSpark create(SparkSession spark, SparkScoreOptions options) throws IOException {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(options, "options");
        BundleBytes bytes = BundleBytes.of(options.model());
        StanceModel<?, ?> model = ExecutorModels.get(bytes);
        Broadcast<BundleBytes> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new StanceKitSpark(spark, options, shipped, new OutputColumns(model.schema()));
    }

    /** The output columns of the model (those of {@code sentences.csv} and {@code articles.csv}). */
    public OutputColumns columns() {
        return columns;
    }

    /**
     * The article scores of a table with id and text columns (named by the options' read
     * settings, in any case): exactly the columns of {@code articles.csv}, typed.
     */
    public Dataset<Row> score(Dataset<Row> table) {
        return output(typed(table), ResultRows.ARTICLES);
    }

    /** The sentence scores of a table: exactly the columns of {@code sentences.csv}, typed. */
    public Dataset<Row> sentences(Dataset<Row> table) {
        return output(typed(table), ResultRows.SENTENCES);
    }

    /** The rows of a table that could not be scored: {@code input, article_id, reason}. */
    public Dataset<Row> errors(Dataset<Row> table) {
        return output(typed(table), ResultRows.ERRORS);
    }

    /**
     * All three outputs of a table from one scoring pass (persisted in memory and on disk; call
     * {@link ScoredOutputs#unpersist()} when done).
     */
    public ScoredOutputs scoreAll(Dataset<Row> table) {
        Dataset<Row> results = typed(table).persist(StorageLevel.MEMORY_AND_DISK());
        return new ScoredOutputs(output(results, ResultRows.SENTENCES), output(results, ResultRows.ARTICLES),
                output(results, ResultRows.ERRORS), results);
    }

    private Dataset<Row> typed(Dataset<Row> table) {
        return results(TableInputs.rows(table, "Dataset", 0, options.read()), ResultEncoding.TYPED);
    }

    private static Dataset<Row> output(Dataset<Row> results, String kind) {
        return results.filter(col(ResultRows.KIND).equalTo(kind)).select(col(kind + ".*"));
    }

    /**
     * Scores the files or tables under {@code inputs} (any paths Spark reads; see {@link Inputs})
     * into {@code out}: {@code sentences/}, {@code articles/} and {@code errors/}, in {@code format}.
     *
     * @throws IOException when an input path matches nothing
     */
    public RunSummary scoreFiles(List<String> inputs, InputFormat inputFormat, String out, SparkOutputFormat format,
                                 SaveMode mode) throws IOException {
        long start = System.nanoTime();
        Dataset<Row> rows = Inputs.read(spark, inputs, inputFormat, options.read());
        Dataset<Row> results = results(rows, format.encoding()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            new ResultWriter(format, columns).write(results, out, mode);
            Map<String, Long> counts = new HashMap<>();
            for (Row r : results.groupBy(ResultRows.KIND).count().collectAsList()) {
                counts.put(r.getString(0), r.getLong(1));
            }
            return new RunSummary(counts.getOrDefault(ResultRows.ARTICLES, 0L), counts.getOrDefault(ResultRows.SENTENCES, 0L),
                    counts.getOrDefault(ResultRows.ERRORS, 0L), (System.nanoTime() - start) / 1_000_000);
        } finally {
            results.unpersist();
        }
    }

    /**
     * Scores rows of {@link ArticleRows}: partitioned by id, each partition in input order, into
     * rows of {@link ResultRows} in {@code encoding}.
     */
    public Dataset<Row> results(Dataset<Row> articleRows, ResultEncoding encoding) {
        int partitions = options.partitions() > 0 ? options.partitions() : spark.sparkContext().defaultParallelism();
        Dataset<Row> ordered = articleRows.repartition(partitions, col(ArticleRows.ID))
                .sortWithinPartitions(ArticleRows.inputOrder().toArray(Column[]::new));
        PartitionScorer scorer = new PartitionScorer(bundle, options.read(), options.workers(), encoding,
                options.spreadsheetSafe());
        return ordered.mapPartitions(scorer, Encoders.row(ResultRows.schema(encoding, columns)));
    }
}
