package org.stancekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.Article;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.read.ArticleReader;
import org.stancekit.inference.read.ReaderOptions;
import org.stancekit.spark.read.InputFormat;
import org.stancekit.spark.write.SparkOutputFormat;

/**
 * A row scored on Spark equals the row {@code stancekit score} writes for the same article with
 * the same model, byte for byte: the whole files when the job has one partition (one scoring
 * pipeline over the articles in input order, the CLI's windows and batches), the rows when it has
 * several (for the transformer, whose figures do not depend on which sentences share a batch).
 */
class SparkCliEquivalenceTest {

    private static final String[] OUTPUTS = {"sentences", "articles", "errors"};

    @Test
    void theSampleArticlesGiveTheCliFilesByteForByte(@TempDir Path tmp) throws IOException {
        Path in = LocalSpark.home().resolve("datasets/articles");
        assertEquals(0, LocalSpark.score(tmp.resolve("cli"), in.toString(), "--model", "fast"));
        RunSummary s = spark("fast", 1).scoreFiles(List.of(in.toString()), InputFormat.AUTO,
                tmp.resolve("spark").toString(), SparkOutputFormat.CSV, SaveMode.ErrorIfExists);
        assertEquals(2, s.articles());
        assertEquals(0, s.failed());
        for (String output : OUTPUTS) {
            assertEquals(Files.readString(tmp.resolve("cli").resolve(output + ".csv")),
                    onePart(tmp.resolve("spark").resolve(output)), output);
        }
    }

    @Test
    void theLabelledArticlesGiveTheCliFilesByteForByteInCsvAndJsonl(@TempDir Path tmp) throws IOException {
        // All 322 labelled documents (about 2.2 million characters), read from their CSV by the id column doc_id.
        Path in = LocalSpark.home().resolve("datasets/labelled/articles.csv");
        for (SparkOutputFormat format : List.of(SparkOutputFormat.CSV, SparkOutputFormat.JSONL)) {
            String ext = format == SparkOutputFormat.CSV ? "csv" : "jsonl";
            Path cli = tmp.resolve("cli-" + ext);
            assertEquals(0, LocalSpark.score(cli, in.toString(), "--model", "fast", "--id-column", "doc_id", "--format", ext));
            Path out = tmp.resolve("spark-" + ext);
            RunSummary s = StanceKitSpark.create(LocalSpark.session(), SparkScoreOptions.defaults().withModel("fast")
                            .withPartitions(1).withRead(new ReaderOptions("doc_id", "text", ReaderOptions.DEFAULT_MAX_ARTICLE_CHARS)))
                    .scoreFiles(List.of(in.toString()), InputFormat.AUTO, out.toString(), format, SaveMode.ErrorIfExists);
            assertEquals(322, s.articles());
            assertEquals(LocalSpark.cliRows(cli.resolve("sentences." + ext), format == SparkOutputFormat.CSV).size(), s.sentences());
            for (String output : OUTPUTS) {
                assertEquals(Files.readString(cli.resolve(output + "." + ext)), onePart(out.resolve(output)), output + "." + ext);
            }
        }
    }

    @Test
    void rowsOfSeveralPartitionsEqualTheCliRowsWithTheDefaultModel(@TempDir Path tmp) throws IOException {
        // Twelve labelled documents as .txt files, scored by the transformer in three partitions (in
        // an order of their own): the same rows as the CLI's, byte for byte.
        Path in = Files.createDirectories(tmp.resolve("slice"));
        writeSlice(in, 12);
        assertEquals(0, LocalSpark.score(tmp.resolve("cli"), in.toString()));
        RunSummary s = spark("default", 3).scoreFiles(List.of(in.toString()), InputFormat.FILES,
                tmp.resolve("spark").toString(), SparkOutputFormat.CSV, SaveMode.ErrorIfExists);
        assertEquals(12, s.articles());
        for (String output : new String[] {"sentences", "articles"}) {
            List<String> cli = sorted(LocalSpark.cliRows(tmp.resolve("cli").resolve(output + ".csv"), true));
            List<String> spark = sorted(LocalSpark.rows(tmp.resolve("spark").resolve(output), true));
            assertTrue(cli.size() >= 12, output);
            assertEquals(cli, spark, output);
        }
    }

    /** The first {@code n} labelled documents as {@code ID.txt} files in {@code folder}. */
    private static void writeSlice(Path folder, int n) throws IOException {
        List<ArticleInput> docs = new ArticleReader(new ReaderOptions("doc_id", "text", ReaderOptions.DEFAULT_MAX_ARTICLE_CHARS))
                .readAll(List.of(LocalSpark.home().resolve("datasets/labelled/articles.csv")));
        for (ArticleInput doc : docs.subList(0, n)) {
            Article a = ((ArticleInput.Loaded) doc).article();
            Files.writeString(folder.resolve(a.id() + ".txt"), a.text());
        }
    }

    private static StanceKitSpark spark(String model, int partitions) throws IOException {
        return StanceKitSpark.create(LocalSpark.session(), SparkScoreOptions.defaults().withModel(model).withPartitions(partitions));
    }

    /** The one part file of a one-partition output folder, whole. */
    private static String onePart(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
            assertEquals(1, parts.size(), "part files in " + dir);
            return Files.readString(parts.get(0));
        }
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        Collections.sort(copy);
        return copy;
    }
}
