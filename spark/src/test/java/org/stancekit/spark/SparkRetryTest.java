package org.stancekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.inference.read.ReaderOptions;
import org.stancekit.spark.read.InputFormat;
import org.stancekit.spark.score.FaultInjection;
import org.stancekit.spark.write.SparkOutputFormat;

/**
 * A scoring task that fails part-way through writing is retried, and the output still holds
 * exactly one row per article and per sentence: Spark's commit protocol discards the failed
 * attempt's files. The failure is real (a task ends with an exception; the listener counts it).
 */
class SparkRetryTest {

    @Test
    void aTaskThatFailsOnceLeavesExactlyOneResultPerArticle(@TempDir Path tmp) throws IOException, TimeoutException {
        Path in = LocalSpark.home().resolve("datasets/labelled/articles.csv");
        SparkSession spark = LocalSpark.session();
        AtomicInteger failedTasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure f && f.description().contains("injected failure")) {
                    failedTasks.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        // Partition 1's first attempt fails after handing 500 rows to the writer of the first output.
        spark.sparkContext().setLocalProperty(FaultInjection.PROPERTY, "1:500");
        RunSummary s;
        try {
            s = StanceKitSpark.create(spark, SparkScoreOptions.defaults().withModel("fast").withPartitions(2)
                            .withRead(new ReaderOptions("doc_id", "text", ReaderOptions.DEFAULT_MAX_ARTICLE_CHARS)))
                    .scoreFiles(List.of(in.toString()), InputFormat.AUTO, tmp.resolve("spark").toString(), SparkOutputFormat.CSV,
                            SaveMode.ErrorIfExists);
        } finally {
            spark.sparkContext().setLocalProperty(FaultInjection.PROPERTY, null);
            spark.sparkContext().removeSparkListener(listener);
        }
        assertEquals(0, LocalSpark.score(tmp.resolve("cli"), in.toString(), "--model", "fast", "--id-column", "doc_id"));

        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertTrue(failedTasks.get() >= 1, "the injected failure happened");
        List<String> articles = LocalSpark.rows(tmp.resolve("spark").resolve("articles"), true);
        List<String> ids = new ArrayList<>(articles.stream().map(r -> r.substring(0, r.indexOf(','))).toList());
        assertEquals(322, ids.size());
        assertEquals(322, ids.stream().distinct().count(), "every article once");
        assertEquals(322, s.articles());
        List<String> cliIds = new ArrayList<>(LocalSpark.cliRows(tmp.resolve("cli").resolve("articles.csv"), true).stream()
                .map(r -> r.substring(0, r.indexOf(','))).toList());
        Collections.sort(ids);
        Collections.sort(cliIds);
        assertEquals(cliIds, ids);
        assertEquals(LocalSpark.cliRows(tmp.resolve("cli").resolve("sentences.csv"), true).size(),
                LocalSpark.rows(tmp.resolve("spark").resolve("sentences"), true).size(), "every sentence once");
    }
}
