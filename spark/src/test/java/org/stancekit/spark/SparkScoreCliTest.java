package org.stancekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.spark.cli.SparkScoreCli;

/** {@code stancekit spark-score}: the verb as the launcher runs it, its help and its exit codes. */
class SparkScoreCliTest {

    @Test
    void scoresTheSampleArticlesAsTheLauncherRunsIt(@TempDir Path tmp) throws IOException {
        LocalSpark.session();
        String in = LocalSpark.home().resolve("datasets/articles").toString();
        String out = tmp.resolve("out").toString();
        assertEquals(0, SparkScoreCli.run("spark-score", in, "--model", "fast", "--out", out, "--partitions", "1"));
        assertEquals(LocalSpark.score(tmp.resolve("cli"), in, "--model", "fast"), 0);
        assertEquals(LocalSpark.cliRows(tmp.resolve("cli/articles.csv"), false), LocalSpark.rows(tmp.resolve("out/articles"), false));
        assertTrue(Files.exists(tmp.resolve("out/sentences/_SUCCESS")));
        // The same output folder again: refused (exit 3) unless --overwrite.
        assertEquals(3, SparkScoreCli.run("spark-score", in, "--model", "fast", "--out", out));
        assertEquals(0, SparkScoreCli.run("spark-score", in, "--model", "fast", "--out", out, "--overwrite", "--format", "jsonl"));
        assertTrue(LocalSpark.rows(tmp.resolve("out/articles"), false).get(0).startsWith("{\"article_id\":"));
    }

    @Test
    void helpExplainsAndUsageErrorsExitTwo() {
        String help = capture(() -> assertEquals(0, SparkScoreCli.run("spark-score", "--help")));
        assertTrue(help.contains("--partitions") && help.contains("spark-submit") && help.contains("OUT/errors/"), help);
        assertEquals(2, SparkScoreCli.run("spark-score", "datasets/articles"));
        assertEquals(2, SparkScoreCli.run("spark-score", "datasets/articles", "--out", "x", "--format", "xml"));
    }

    @Test
    void aMissingInputIsReportedByNameBeforeAnythingRuns(@TempDir Path tmp) {
        LocalSpark.session();
        String missing = tmp.resolve("no-such-folder").toString();
        String err = captureErr(() -> assertEquals(3, SparkScoreCli.run("spark-score", missing, "--model", "fast",
                "--out", tmp.resolve("out").toString())));
        assertTrue(err.contains(missing) && err.contains("no such file or folder"), err);
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    private static String capture(Runnable run) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String captureErr(Runnable run) {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
