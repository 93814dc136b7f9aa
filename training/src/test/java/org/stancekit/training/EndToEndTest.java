package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.bundle.BundleReader;
import org.stancekit.model.Manifest;
import org.stancekit.inference.cli.InferenceCli;
import org.stancekit.text.SentenceSplitter;
import org.stancekit.training.cli.TrainingCli;

/** Train on a slice of the real dataset, score a seed article with the result, evaluate it. */
public class EndToEndTest {

    static final Path DATASET = Path.of("..", "datasets", "labelled", "sentences.csv");
    static final Path ARTICLES = Path.of("..", "datasets", "articles");

    @Test
    void trainScoreEvaluate(@TempDir Path dir) throws Exception {
        Path slice = dir.resolve("slice.csv");
        writeSlice(slice, 40, 12, 12);
        Path config = Files.writeString(dir.resolve("small.properties"), "model=fast\nepochs=4\nnetwork.hiddenSize=16\nfeatures.minCount=1\n");
        Path bundle = dir.resolve("model.zip");

        assertEquals(0, TrainingCli.run("train", "--data", slice.toString(), "--config", config.toString(),
                "--seed", "7", "--out", bundle.toString()));
        Manifest manifest = new BundleReader().readManifest(bundle);
        assertEquals(7, manifest.seed());
        assertEquals("4", manifest.training().get("epochs"));
        assertEquals(64, manifest.trainingData().get("slice.csv").length());
        assertTrue(manifest.metrics().containsKey("stance.macro_f1"), manifest.metrics().toString());

        Path article = Files.list(ARTICLES).filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        Path out = dir.resolve("scores");
        assertEquals(0, InferenceCli.run("score", article.toString(), "--out", out.toString(), "--model", bundle.toString()));
        List<String[]> sentences = readCsv(out.resolve("sentences.csv"));
        int expected = new SentenceSplitter().split(Files.readString(article)).size();
        assertEquals(expected + 1, sentences.size());
        assertEquals(2, readCsv(out.resolve("articles.csv")).size());

        Path report = dir.resolve("report");
        assertEquals(0, TrainingCli.run("evaluate", "--data", slice.toString(), "--split", "test",
                "--model", bundle.toString(), "--report", report.toString()));
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        assertEquals(12, metrics.get("sentences").asInt());
        for (String party : List.of("us", "ukraine", "russia", "europe")) {
            double f1 = metrics.at("/stance/parties/" + party + "/macro_f1").asDouble(-1);
            assertTrue(f1 >= 0 && f1 <= 1, party + ": " + f1);
        }
        assertEquals(manifest.metrics().get("stance.macro_f1"), metrics.at("/stance/macro_f1").asDouble(), 1e-9,
                "evaluate reproduces the test metrics the trainer stored");
        assertTrue(metrics.at("/sentiment/macro_f1").isNumber());
    }

    /** Copies the first rows of each split of the real dataset, keeping the header. */
    public static void writeSlice(Path target, int train, int dev, int test) throws Exception {
        List<String[]> rows = readCsv(DATASET);
        int split = -1;
        for (int i = 0; i < rows.get(0).length; i++) {
            if (rows.get(0)[i].equals("split")) {
                split = i;
            }
        }
        List<String[]> out = new ArrayList<>();
        out.add(rows.get(0));
        int[] left = {train, dev, test};
        List<String> names = List.of("train", "dev", "test");
        for (String[] row : rows.subList(1, rows.size())) {
            int k = names.indexOf(row[split]);
            if (left[k]-- > 0) {
                out.add(row);
            }
        }
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(w)) {
            csv.writeAll(out);
        }
    }

    static List<String[]> readCsv(Path file) throws IOException {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return r.readAll();
        } catch (com.opencsv.exceptions.CsvException e) {
            throw new IOException(e);
        }
    }
}
