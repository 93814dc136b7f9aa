package org.stancekit.inference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.inference.TemporaryProperty;
import org.stancekit.inference.pipeline.HelperPriority;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.text.SentenceSplitter;

/** The README's first command, through the CLI, with the embedded default model. */
class ScoreCommandTest {

    static final Path ARTICLES = Path.of("..", "datasets", "articles");

    static final List<String> SENTENCE_COLUMNS = List.of("article_id", "sentence_index", "text",
            "us_stance", "us_p_favor", "us_p_against", "us_p_neutral", "us_p_none",
            "ukraine_stance", "ukraine_p_favor", "ukraine_p_against", "ukraine_p_neutral", "ukraine_p_none",
            "russia_stance", "russia_p_favor", "russia_p_against", "russia_p_neutral", "russia_p_none",
            "europe_stance", "europe_p_favor", "europe_p_against", "europe_p_neutral", "europe_p_none",
            "sentiment", "p_positive", "p_negative", "p_neutral");
    static final List<String> ARTICLE_COLUMNS = List.of("article_id", "sentences",
            "us_stance", "us_score", "us_mentions", "ukraine_stance", "ukraine_score", "ukraine_mentions",
            "russia_stance", "russia_score", "russia_mentions", "europe_stance", "europe_score", "europe_mentions",
            "sentiment", "sentiment_score",
            "us_confidence", "ukraine_confidence", "russia_confidence", "europe_confidence");

    @Test
    void scoresTheSampleArticlesWithTheEmbeddedModel(@TempDir Path out) throws Exception {
        assertEquals(ExitCodes.OK, InferenceCli.run("score", ARTICLES.toString(), "--out", out.toString()));

        List<String[]> sentences = read(out.resolve("sentences.csv"));
        List<String[]> articles = read(out.resolve("articles.csv"));
        assertEquals(SENTENCE_COLUMNS, List.of(sentences.get(0)));
        assertEquals(ARTICLE_COLUMNS, List.of(articles.get(0)));

        List<Path> files = sampleArticles();
        assertEquals(files.size() + 1, articles.size(), "one row per article");
        int expectedSentences = 0;
        SentenceSplitter splitter = new SentenceSplitter();
        for (int i = 0; i < files.size(); i++) {
            int n = splitter.split(Files.readString(files.get(i))).size();
            expectedSentences += n;
            String id = files.get(i).getFileName().toString().replace(".txt", "");
            assertEquals(id, articles.get(i + 1)[0]);
            assertEquals(Integer.toString(n), articles.get(i + 1)[1]);
        }
        assertEquals(expectedSentences + 1, sentences.size(), "one row per sentence");
        for (String[] row : sentences.subList(1, sentences.size())) {
            assertEquals(SENTENCE_COLUMNS.size(), row.length);
            double sum = 0;
            for (int c = 4; c <= 7; c++) {
                sum += Double.parseDouble(row[c]);
            }
            assertEquals(1.0, sum, 0.002, "US stance probabilities sum to 1");
            assertTrue(List.of("FAVOR", "AGAINST", "NEUTRAL", "NONE").contains(row[3]));
        }
        for (String[] row : articles.subList(1, articles.size())) {
            double score = Double.parseDouble(row[3]);
            assertTrue(score >= -1 && score <= 1);
        }
        assertEquals(List.of("input", "article_id", "reason"), List.of(read(out.resolve("errors.csv")).get(0)));
    }

    /**
     * Both shipped models: the batch pipeline writes each sentence's own prediction (the fast
     * model's with its decision biases, the transformer's with its calibrated probabilities).
     */
    @Test
    void theBatchPipelineGivesExactlyEachShippedModelsPredictions(@TempDir Path out) throws Exception {
        for (String name : List.of("default", "fast")) {
            Path dir = out.resolve(name);
            assertEquals(ExitCodes.OK, InferenceCli.run("score", ARTICLES.toString(), "--out", dir.toString(), "--model", name));
            List<String[]> rows = read(dir.resolve("sentences.csv"));
            org.stancekit.model.StanceModel<?, ?> bundle = new org.stancekit.bundle.BundleReader().readShipped(name);
            assertEquals(name.equals("default"), bundle.manifest().describesTransformer(), name);
            assertEquals(name.equals("fast"), !bundle.manifest().decisionBias().isEmpty(), "decision biases: fast only");
            List<String> texts = rows.subList(1, rows.size()).stream().map(r -> r[2]).toList();
            List<org.stancekit.domain.Prediction> expected = bundle.predict(texts);
            for (int i = 0; i < texts.size(); i++) {
                String[] row = rows.get(i + 1);
                org.stancekit.domain.Prediction p = expected.get(i);
                assertEquals(p.stances().get(0).best(), row[3], name + ": us_stance of " + texts.get(i));
                assertEquals(p.stances().get(0).probability("FAVOR"), Double.parseDouble(row[4]), 0.00051);
                assertEquals(p.sentiment().best(), row[23], name + ": sentiment of " + texts.get(i));
            }
        }
    }

    @Test
    void jsonlHoldsTheSameFields(@TempDir Path out) throws Exception {
        Path article = sampleArticles().get(1);
        assertEquals(ExitCodes.OK, InferenceCli.run("score", article.toString(), "--out", out.toString(), "--format", "jsonl"));
        List<String> lines = Files.readAllLines(out.resolve("sentences.jsonl"));
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertEquals(SENTENCE_COLUMNS, fields);
        JsonNode articleRow = new ObjectMapper().readTree(Files.readAllLines(out.resolve("articles.jsonl")).get(0));
        assertEquals(lines.size(), articleRow.get("sentences").asInt());
        assertFalse(Files.exists(out.resolve("sentences.csv")));
    }

    /** Under JSONL the failures are JSON too, with the fields of errors.csv; the summary line names errors.jsonl. */
    @Test
    void jsonlListsFailuresInErrorsJsonl(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"good\",\"text\":\"Kyiv said the talks went well.\"}\n"
                + "{broken\n{\"id\":\"=blank\",\"text\":\" \"}\n");
        Path out = dir.resolve("out");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.PARTIAL, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--model", "fast",
                    "--format", "jsonl", "--spreadsheet-safe"));
        } finally {
            System.setErr(before);
        }
        assertFalse(Files.exists(out.resolve("errors.csv")));
        List<String> lines = Files.readAllLines(out.resolve("errors.jsonl"));
        assertEquals(2, lines.size(), "one object a failure, no header");
        ObjectMapper json = new ObjectMapper();
        JsonNode broken = json.readTree(lines.get(0));
        List<String> fields = new ArrayList<>();
        broken.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("input", "article_id", "reason"), fields);
        assertEquals(in + ":2", broken.get("input").asText());
        assertTrue(broken.get("reason").asText().contains("invalid JSON"), broken.toString());
        JsonNode blank = json.readTree(lines.get(1));
        assertEquals("=blank", blank.get("article_id").asText(), "JSON is never run as a formula: ids stay as they are");
        assertTrue(blank.get("reason").asText().startsWith("empty article"), blank.toString());
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("Scored 1 article, 1 sentence in "), message);
        assertTrue(message.contains("; 2 failed. Output: "), message);
        assertTrue(message.contains("See " + out.resolve("errors.jsonl") + " for the inputs"), message);
    }

    @Test
    void badArticlesAreListedAndTheRestIsScored(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("good.txt"), "Russian missiles struck a hospital in Kharkiv. Ukraine thanked its allies.");
        Files.write(in.resolve("latin1.txt"), "Caf\u00e9 talks in Kyiv.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("empty.txt"), "");
        Files.write(in.resolve("blob.txt"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0});
        Path out = dir.resolve("out");

        assertEquals(ExitCodes.PARTIAL, InferenceCli.run("score", in.toString(), "--out", out.toString()));
        List<String[]> errors = read(out.resolve("errors.csv"));
        assertEquals(4, errors.size(), "header and three failures");
        assertEquals(List.of("blob", "empty", "latin1"), errors.subList(1, 4).stream().map(r -> r[1]).toList());
        List<String[]> articles = read(out.resolve("articles.csv"));
        assertEquals(2, articles.size());
        assertEquals("good", articles.get(1)[0]);
        assertEquals(3, read(out.resolve("sentences.csv")).size());
    }

    @Test
    void spreadsheetSafeOutputWritesFormulaCellsAsTextAndLeavesNumbersAlone(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("in.csv"), "id,text\n"
                + "=HYPERLINK(\"http://x\"),\"=1+1 Russia attacked Kyiv.\"\n"
                + "-17,\"- Kyiv said the EU helped.\"\n"
                + "@cmd,Plain text about Ukraine.\n"
                + "+1,\"\"\n");
        Path plain = dir.resolve("plain");
        Path safe = dir.resolve("safe");
        assertEquals(ExitCodes.PARTIAL, InferenceCli.run("score", csv.toString(), "--out", plain.toString(), "--model", "fast"));
        assertEquals(ExitCodes.PARTIAL, InferenceCli.run("score", csv.toString(), "--out", safe.toString(), "--model", "fast",
                "--spreadsheet-safe"));

        List<String[]> rawArticles = read(plain.resolve("articles.csv"));
        List<String[]> safeArticles = read(safe.resolve("articles.csv"));
        assertEquals("=HYPERLINK(\"http://x\")", rawArticles.get(1)[0], "by default the data is left as it came");
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'-17", "'@cmd"), safeArticles.subList(1, 4).stream().map(r -> r[0]).toList());
        for (int column = 1; column < safeArticles.get(1).length; column++) {
            assertEquals(rawArticles.get(1)[column], safeArticles.get(1)[column], "numbers and labels are unchanged");
        }
        assertTrue(read(safe.resolve("sentences.csv")).stream().skip(1).allMatch(r -> !r[2].startsWith("=") && !r[2].startsWith("-")),
                "sentence texts are text");
        assertTrue(read(safe.resolve("errors.csv")).get(1)[1].equals("'+1"), "and so are the ids in errors.csv");
    }

    @Test
    void aZipBombForAModelIsRefusedWithOneLineAndExitCode3(@TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            byte[] nothing = new byte[1 << 20];
            for (int i = 0; i < 512; i++) {
                zip.write(nothing); // half a gigabyte of zeros, half a megabyte on disk
            }
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCodes.BAD_INPUT, InferenceCli.run("score", ARTICLES.toString(), "--out",
                    dir.resolve("out").toString(), "--model", bomb.toString()));
        } finally {
            System.setErr(before);
        }
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith("stancekit: error: " + bomb + "!manifest.json") && message.contains("zip bombs")
                && message.lines().count() == 1, message);
    }

    @Test
    void anUnwritableOutputSaysPermissionDenied(@TempDir Path dir) throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "runs as a user that permissions bind (not root)");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream before = System.err;
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                assertEquals(ExitCodes.BAD_INPUT, InferenceCli.run("score", ARTICLES.toString(), "--out",
                        locked.resolve("out").toString(), "--model", "fast"));
            } finally {
                System.setErr(before);
            }
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("permission denied"), err.toString(StandardCharsets.UTF_8));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aMalformedHelperPriorityIsAUsageErrorBeforeAnythingIsWritten(@TempDir Path dir) {
        try (TemporaryProperty p = new TemporaryProperty(HelperPriority.PROPERTY, "ten")) {
            assertEquals(ExitCodes.USAGE, InferenceCli.run("score", ARTICLES.toString(), "--out", dir.resolve("o").toString()));
            assertEquals(ExitCodes.USAGE, InferenceCli.run("bench", "--sentences", "10", "--runs", "1"));
            assertFalse(Files.exists(dir.resolve("o")), "nothing is written for a run that cannot start");
        }
    }

    @Test
    void aMissingModelOrInputIsABadInputError(@TempDir Path dir) {
        assertEquals(ExitCodes.BAD_INPUT, InferenceCli.run("score", ARTICLES.toString(), "--out", dir.toString(),
                "--model", dir.resolve("nope.zip").toString()));
        assertEquals(ExitCodes.BAD_INPUT, InferenceCli.run("score", dir.resolve("nothing-here").toString(),
                "--out", dir.resolve("o").toString()));
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written for a run that cannot start");
    }

    @Test
    void gzipStdinAndColumnNamesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        gzip(in.resolve("a.txt.gz"), "Russian missiles struck a hospital in Kharkiv. Ukraine thanked its allies.");
        gzip(in.resolve("b.csv.gz"), "story,body\nb1,The Kremlin denied it.\n");
        gzip(in.resolve("c.jsonl.gz"), "{\"story\":\"c1\",\"body\":\"Starmer met Zelenskyy in London.\"}\n");
        Path out = dir.resolve("out");
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream("{\"story\":\"s1\",\"body\":\"Trump called Putin.\"}\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "-", "--out", out.toString(),
                    "--id-column", "story", "--text-column", "body"));
        } finally {
            System.setIn(saved);
        }
        List<String[]> articles = read(out.resolve("articles.csv"));
        assertEquals(List.of("a", "b1", "c1", "s1"), articles.subList(1, articles.size()).stream().map(r -> r[0]).toList());
        assertEquals("2", articles.get(1)[1]);
    }

    @Test
    void manyArticlesComeOutInInputOrderAndRerunsAreIdentical(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> lines = ResumeTest.lines(150);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String id = String.format("doc%03d", i);
            ids.add(id);
            // Lengths vary tenfold so that encoder workers finish out of order.
            Files.writeString(in.resolve(id + ".txt"), (lines.get(i) + "\n").repeat(1 + (i * 7) % 10));
        }
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", first.toString(), "--threads", "3"));
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", second.toString(), "--threads", "1"));
        List<String[]> articles = read(first.resolve("articles.csv"));
        assertEquals(ids, articles.subList(1, articles.size()).stream().map(r -> r[0]).toList());
        List<String[]> sentences = read(first.resolve("sentences.csv"));
        int article = 0;
        int index = -1;
        for (String[] row : sentences.subList(1, sentences.size())) {
            if (!row[0].equals(ids.get(article))) {
                article++;
                index = -1;
            }
            assertEquals(ids.get(article), row[0], "sentences grouped by article, in article order");
            assertEquals(Integer.toString(++index), row[1], "sentences in article order");
        }
        for (String file : List.of("articles.csv", "sentences.csv", "errors.csv")) {
            assertArrayEqualsBytes(first.resolve(file), second.resolve(file));
        }
    }

    @Test
    void jsonlArticlesCarryTheConfidence(@TempDir Path out) throws Exception {
        assertEquals(ExitCodes.OK, InferenceCli.run("score", ARTICLES.toString(), "--out", out.toString(), "--format", "jsonl"));
        JsonNode row = new ObjectMapper().readTree(Files.readAllLines(out.resolve("articles.jsonl")).get(0));
        List<String> fields = new ArrayList<>();
        row.fieldNames().forEachRemaining(fields::add);
        assertEquals(ARTICLE_COLUMNS, fields);
        double confidence = row.get("ukraine_confidence").asDouble();
        assertTrue(confidence > 0 && confidence <= 1, "Ukraine is referred to in the sample articles: " + confidence);
    }

    private static void assertArrayEqualsBytes(Path expected, Path actual) throws IOException {
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(expected), Files.readAllBytes(actual)),
                actual.getFileName() + " differs between runs");
    }

    private static void gzip(Path file, String text) throws IOException {
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<Path> sampleArticles() throws IOException {
        try (Stream<Path> s = Files.list(ARTICLES)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    static List<String[]> read(Path file) throws IOException {
        // RFC 4180, as the writer writes: backslashes in sentences are ordinary characters.
        try (CSVReader r = new com.opencsv.CSVReaderBuilder(Files.newBufferedReader(file, StandardCharsets.UTF_8))
                .withCSVParser(new com.opencsv.RFC4180ParserBuilder().build()).build()) {
            return r.readAll();
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }
}
