package org.stancekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.bundle.BundleReader;
import org.stancekit.domain.Article;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.read.ReaderOptions;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.spark.model.ExecutorModels;
import org.stancekit.spark.read.InputFormat;
import org.stancekit.spark.write.SparkOutputFormat;

/**
 * The Dataset API: typed outputs with exactly the CLI's columns and the {@link Scorer}'s values,
 * errors as rows, Parquet in and out, and one model load per JVM however many tasks use it.
 */
class StanceKitSparkApiTest {

    private static final StructType TABLE = new StructType().add("ID", DataTypes.StringType).add("body", DataTypes.StringType);

    private static Dataset<Row> table(SparkSession spark) {
        return spark.createDataFrame(List.of(
                RowFactory.create("a1", "Russia shelled Kharkiv overnight. The EU promised Ukraine more air defence."),
                RowFactory.create("a2", "Trump said Zelenskyy was not grateful."),
                RowFactory.create(" ", "An article without an id."),
                RowFactory.create("a3", null),
                RowFactory.create("a1", "The same id again.")), TABLE);
    }

    private static StanceKitSpark fast(int partitions) throws IOException {
        return StanceKitSpark.create(LocalSpark.session(), SparkScoreOptions.defaults().withModel("fast").withPartitions(partitions)
                .withRead(new ReaderOptions("id", "BODY", 200_000)));
    }

    @Test
    void scoreGivesTheArticleColumnsAndTheScorersValues() throws IOException {
        StanceKitSpark stancekit = fast(2);
        ScoredOutputs all = stancekit.scoreAll(table(LocalSpark.session()));
        try {
            OutputColumns columns = stancekit.columns();
            assertEquals(columns.articleHeader(), Arrays.asList(all.articles().columns()));
            assertEquals(columns.sentenceHeader(), Arrays.asList(all.sentences().columns()));
            assertEquals(OutputColumns.ERROR_COLUMNS, Arrays.asList(all.errors().columns()));
            assertEquals(DataTypes.IntegerType, all.articles().schema().apply("sentences").dataType());
            assertEquals(DataTypes.DoubleType, all.sentences().schema().apply("us_p_favor").dataType());

            List<Row> articles = all.articles().collectAsList();
            assertEquals(2, articles.size());
            Scorer scorer = new Scorer(new BundleReader().readShipped("fast"));
            for (Row row : articles) {
                String id = row.getString(0);
                String text = id.equals("a1") ? "Russia shelled Kharkiv overnight. The EU promised Ukraine more air defence."
                        : "Trump said Zelenskyy was not grateful.";
                ArticleScore expected = scorer.score(new Article(id, text));
                Map<String, Object> values = columns.articleRow(expected);
                List<Object> expectedValues = new ArrayList<>(values.values());
                for (int c = 0; c < expectedValues.size(); c++) {
                    if (expectedValues.get(c) instanceof Double d) {
                        assertEquals(d, row.getDouble(c), 1e-4, columns.articleHeader().get(c));
                    } else {
                        assertEquals(expectedValues.get(c), row.get(c), columns.articleHeader().get(c));
                    }
                }
            }
            assertEquals(3, all.sentences().count());
            List<String> reasons = all.errors().collectAsList().stream().map(r -> r.getString(1) + ": " + r.getString(2)).sorted().toList();
            assertEquals(List.of(": empty article id", "a1: duplicate article id 'a1'", "a3: missing text (the text column is null)"),
                    reasons);
        } finally {
            all.unpersist();
        }
    }

    @Test
    void parquetInParquetOutWithARenamedTextColumn(@TempDir Path tmp) throws IOException {
        SparkSession spark = LocalSpark.session();
        String input = tmp.resolve("articles.parquet").toString();
        table(spark).write().parquet(input);
        RunSummary s = fast(3).scoreFiles(List.of(input), InputFormat.AUTO, tmp.resolve("out").toString(),
                SparkOutputFormat.PARQUET, SaveMode.ErrorIfExists);
        assertEquals(2, s.articles());
        assertEquals(3, s.failed());
        Dataset<Row> articles = spark.read().parquet(tmp.resolve("out/articles").toString());
        assertEquals(fast(3).columns().articleHeader(), Arrays.asList(articles.columns()));
        assertEquals(List.of("a1", "a2"), articles.select("article_id").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList().stream().sorted().toList());
        assertEquals(3, spark.read().parquet(tmp.resolve("out/sentences").toString()).count());
    }

    @Test
    void theModelIsLoadedOncePerJvmWhateverTheTasks() throws IOException {
        Dataset<Row> table = table(LocalSpark.session());
        fast(4).score(table).count();
        int loaded = ExecutorModels.loadedCount();
        fast(4).sentences(table).count();
        fast(2).errors(table).count();
        assertEquals(loaded, ExecutorModels.loadedCount(), "the same bundle is not loaded again by later tasks");
    }

    @Test
    void aTableWithoutTheTextColumnIsRefusedNamingItsColumns() throws IOException {
        StanceKitSpark stancekit = StanceKitSpark.create(LocalSpark.session(), SparkScoreOptions.defaults().withModel("fast"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stancekit.score(table(LocalSpark.session())));
        assertTrue(e.getMessage().contains("no column 'text' (its columns: ID, body)"), e.getMessage());
    }
}
