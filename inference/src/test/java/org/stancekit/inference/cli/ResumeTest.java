package org.stancekit.inference.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.inference.batch.BatchOptions;
import org.stancekit.inference.batch.BatchScorer;
import org.stancekit.inference.batch.BatchSummary;
import org.stancekit.inference.write.OutputFormat;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.TestModel;
import org.stancekit.runtime.ExitCodes;

/**
 * {@code --resume}: a run killed midway (a real SIGKILL of a child JVM scoring with the shipped
 * transformer, with torn rows after its last checkpoint) or stopped (as on Ctrl-C, with the fast
 * model) is completed with every article exactly once, in input order, and the same output as a
 * run that was never interrupted: byte for byte for the transformer. Timeouts guard against
 * hangs only.
 */
@Timeout(180)
class ResumeTest {

    private static final String PROGRESS = ".stancekit-progress.json";

    /** JSONL lines: articles of 1 to 6 labelled sentences, with a few bad lines among them. */
    static List<String> lines(int articles) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String[] row : ScoreCommandTest.read(Path.of("..", "datasets", "labelled", "sentences.csv"))) {
            sentences.add(row[4]);
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        int s = 1;
        for (int i = 0; i < articles; i++) {
            if (i % 50 == 17) {
                lines.add("{not json");
            } else if (i % 50 == 33) {
                lines.add(json.writeValueAsString(Map.of("id", "empty" + i, "text", " ")));
            } else if (i % 50 == 41) {
                lines.add(json.writeValueAsString(Map.of("id", "n1", "text", "A duplicate id.")));
            } else {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k <= i % 6; k++) {
                    text.append(sentences.get(s++ % sentences.size())).append(k % 2 == 0 ? " " : "\n");
                }
                lines.add(json.writeValueAsString(Map.of("id", "n" + i, "text", text.toString())));
            }
        }
        return lines;
    }

    @Test
    void aKilledRunResumesWithEveryArticleExactlyOnce(@TempDir Path dir) throws Exception {
        interruptResumeAndCompare(dir, "KILL");
    }

    @Test
    void aTerminatedRunExitsWith143AsDocumentedAndResumes(@TempDir Path dir) throws Exception {
        interruptResumeAndCompare(dir, "TERM");
    }

    @Test
    void aRunStoppedWithCtrlCExitsWith130AsDocumentedAndResumes(@TempDir Path dir) throws Exception {
        interruptResumeAndCompare(dir, "INT");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * Scores half the input in a child JVM, stops it with {@code signal} (KILL; TERM and INT, whose
     * exit codes the README documents as 143 and 130), resumes with all of it and compares with a
     * clean run.
     */
    private void interruptResumeAndCompare(Path dir, String signal) throws Exception {
        List<String> lines = lines(600);
        byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Path clean = dir.resolve("clean");
        Path out = dir.resolve("out");
        int cleanExit = scoreStdin(all, clean);

        // A child JVM reads the first half from its standard input and waits for more: midway, by construction.
        int half = lines.size() / 2;
        Process child = new ProcessBuilder(javaCommand(), "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), InferenceCli.class.getName(), "score", "-", "--out", out.toString())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        try (OutputStream stdin = child.getOutputStream()) {
            stdin.write((String.join("\n", lines.subList(0, half)) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            waitForCheckpoint(out, half, child, dir);
            if (signal.equals("KILL")) {
                child.destroyForcibly().waitFor();
            } else {
                // kill(1), not Process.destroy(): that would also close the child's standard input,
                // and the end of input could complete the run before the signal stops it.
                assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor());
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "SIG" + signal + " ends the run");
                assertEquals(signal.equals("TERM") ? 143 : 130, child.exitValue(), Files.readString(dir.resolve("child.err")));
                assertTrue(Files.readString(dir.resolve("child.err")).contains("--resume"), "the user is told how to continue");
            }
        }
        assertTrue(Files.exists(out.resolve(PROGRESS)), () -> "an interrupted run leaves its progress record: "
                + read(dir.resolve("child.err")) + " " + Arrays.toString(out.toFile().list()));
        assertFalse(Files.exists(out.resolve("articles.csv")), "and no final files");
        // Rows written after the last checkpoint, cut off by the kill: resume must drop them.
        append(out.resolve(".articles.csv.partial"), "n999,3,NONE,0.00");
        append(out.resolve(".sentences.csv.partial"), "n999,0,\"torn row");

        assertEquals(cleanExit, scoreStdin(all, out, "--resume"));
        assertSameOutput(clean, out);
        for (String file : List.of("articles.csv", "sentences.csv", "errors.csv")) {
            // The transformer packs one padded length per batch, so a sentence's scores cannot depend on its batch.
            assertArrayEquals(Files.readAllBytes(clean.resolve(file)), Files.readAllBytes(out.resolve(file)), file);
        }
        assertFalse(Files.exists(out.resolve(PROGRESS)), "the progress record goes once the run completes");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("articles.csv", "errors.csv", "sentences.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStoppedRunResumesAndAMismatchedResumeIsRefused(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> lines = lines(120);
        for (int i = 0; i < lines.size(); i++) {
            Files.writeString(in.resolve(String.format("a%03d.txt", i)), "Article " + i + ". " + lines.get(i).replace('"', ' '));
        }
        Path clean = dir.resolve("clean");
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", clean.toString(), "--model", "fast"));

        // Stop at the first result, as the Ctrl-C hook does.
        BatchScorer first = new BatchScorer(new Scorer(TestModel.bundle()), BatchOptions.defaults());
        BatchSummary stopped = first.run(List.of(in), out, OutputFormat.CSV, s -> first.stop());
        assertFalse(stopped.complete());
        assertTrue(stopped.articles() < lines.size(), "stopped early: " + stopped.articles());
        assertEquals(stopped.articles(), BatchScorer.resumePoint(out), "every article handed over is recorded");

        Path partial = out.resolve(".articles.csv.partial");
        byte[] before = Files.readAllBytes(partial);
        assertEquals(ExitCodes.USAGE, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--resume",
                "--model", "fast", "--format", "jsonl"), "another format cannot continue this run");
        assertEquals(ExitCodes.USAGE, InferenceCli.run("score", in.toString(), clean.toString(), "--out", out.toString(),
                "--resume", "--model", "fast"), "nor other inputs");
        assertEquals(ExitCodes.USAGE, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--resume"),
                "nor another model");
        assertEquals(List.of(before.length), List.of(Files.readAllBytes(partial).length), "a refused resume writes nothing");

        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--resume",
                "--model", "fast"));
        assertSameOutput(clean, out);
    }

    @Test
    void aStoppedJsonlRunResumesItsErrorsJsonl(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), String.join("\n", lines(120)) + "\n");
        Path clean = dir.resolve("clean");
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.PARTIAL, InferenceCli.run("score", in.toString(), "--out", clean.toString(), "--model", "fast",
                "--format", "jsonl"));
        BatchScorer first = new BatchScorer(new Scorer(TestModel.bundle()), BatchOptions.defaults());
        assertFalse(first.run(List.of(in), out, OutputFormat.JSONL, s -> first.stop()).complete());
        assertTrue(Files.exists(out.resolve(".errors.jsonl.partial")), "the failures so far, as a temporary file");
        assertEquals(ExitCodes.PARTIAL, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--resume",
                "--model", "fast", "--format", "jsonl"));
        List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"));
        assertEquals(Files.readAllLines(clean.resolve("errors.jsonl")), errors);
        assertEquals(7, errors.size(), "the seven bad lines of 120, each once");
        assertFalse(Files.exists(out.resolve("errors.csv")));
    }

    @Test
    void withoutResumeAnInterruptedRunIsStartedOver(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(in.resolve("a" + i + ".txt"), "Kyiv said the talks went well. Moscow disagreed.");
        }
        Path out = dir.resolve("out");
        BatchScorer first = new BatchScorer(new Scorer(TestModel.bundle()), BatchOptions.defaults());
        assertFalse(first.run(List.of(in), out, OutputFormat.CSV, s -> first.stop()).complete());
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--model", "fast"));
        assertEquals(31, ScoreCommandTest.read(out.resolve("articles.csv")).size());
        assertEquals(-1, BatchScorer.resumePoint(out));
    }

    /** Same articles, sentences, labels and errors, in the same order; numbers to the printed precision. */
    static void assertSameOutput(Path expected, Path actual) throws IOException {
        for (String file : List.of("articles.csv", "sentences.csv", "errors.csv")) {
            List<String[]> e = ScoreCommandTest.read(expected.resolve(file));
            List<String[]> a = ScoreCommandTest.read(actual.resolve(file));
            assertEquals(e.size(), a.size(), file + " rows");
            for (int r = 0; r < e.size(); r++) {
                assertEquals(e.get(r).length, a.get(r).length, file + " row " + r);
                for (int c = 0; c < e.get(r).length; c++) {
                    String x = e.get(r)[c];
                    String y = a.get(r)[c];
                    if (r > 0 && x.matches("-?\\d+\\.\\d{4}")) {
                        // Another batch composition can move a probability by ~1e-7, so the 4th decimal by one at most.
                        assertEquals(Double.parseDouble(x), Double.parseDouble(y), 1.5e-4, file + " row " + r + " col " + c);
                    } else {
                        assertEquals(x, y, file + " row " + r + " col " + c);
                    }
                }
            }
        }
        List<String[]> articles = ScoreCommandTest.read(actual.resolve("articles.csv"));
        Set<String> ids = new HashSet<>();
        for (String[] row : articles.subList(1, articles.size())) {
            assertTrue(ids.add(row[0]), "article " + row[0] + " written twice");
        }
    }

    private static int scoreStdin(byte[] data, Path out, String... more) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(data));
        try {
            List<String> args = new ArrayList<>(List.of("score", "-", "--out", out.toString()));
            args.addAll(List.of(more));
            return InferenceCli.run(args.toArray(String[]::new));
        } finally {
            System.setIn(saved);
        }
    }

    private static void waitForCheckpoint(Path out, int items, Process child, Path dir) throws Exception {
        Path progress = out.resolve(PROGRESS);
        ObjectMapper json = new ObjectMapper();
        while (true) {
            if (!child.isAlive()) {
                throw new AssertionError("the child run ended early: " + Files.readString(dir.resolve("child.err")));
            }
            if (Files.exists(progress)) {
                try {
                    if (json.readTree(progress.toFile()).get("items").asLong() >= items) {
                        return;
                    }
                } catch (IOException e) {
                    // Replaced while read; the next look sees the new record.
                }
            }
            Thread.sleep(100);
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
