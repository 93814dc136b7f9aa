package org.stancekit.inference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.runtime.ExitCodes;

/** {@code score --text}: one text scored as one article and printed, agreeing with the files {@code score} writes. */
class ScoreTextTest {

    static final List<String> PARTIES = List.of("us", "ukraine", "russia", "europe");
    /** Two sentences that fit the table's text column and one that must wrap. */
    static final String TEXT = "Russia shelled Kharkiv. The EU helped Ukraine.\n"
            + "Washington announced a new package of sanctions against Moscow after the summit in Brussels.";

    /** What a run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outBefore = System.out;
        PrintStream errBefore = System.err;
        InputStream inBefore = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(stdin);
        try {
            int code = InferenceCli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(outBefore);
            System.setErr(errBefore);
            System.setIn(inBefore);
        }
    }

    static Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    /** The same text scored by the file path of {@code score}: header row, then one row per sentence or article. */
    static List<List<String[]>> scoredAsFile(Path dir) throws Exception {
        Path in = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("text.txt"), TEXT);
        Path out = dir.resolve("out");
        assertEquals(ExitCodes.OK, InferenceCli.run("score", in.toString(), "--out", out.toString(), "--model", "fast"));
        return List.of(read(out.resolve("sentences.csv")), read(out.resolve("articles.csv")));
    }

    static List<String[]> read(Path csv) throws Exception {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(csv))) {
            return r.readAll();
        }
    }

    static String two(String fourDecimals) {
        return String.format(Locale.ROOT, "%.2f", Double.parseDouble(fourDecimals));
    }

    @Test
    void theTableShowsEverySentenceWithEachPartysStanceAndProbabilityAndTheRollUp(@TempDir Path dir) throws Exception {
        Run run = run("score", "--text", TEXT, "--model", "fast");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        List<String[]> sentences = scoredAsFile(dir).get(0);
        String[] article = scoredAsFile(dir.resolve("again")).get(1).get(1);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("#\\s+Sentence\\s+US\\s+Ukraine\\s+Russia\\s+Europe\\s+Sentiment"), lines.get(0));
        assertEquals(4, sentences.size(), "three sentences");
        for (String[] row : sentences.subList(1, sentences.size())) {
            int number = Integer.parseInt(row[1]) + 1;
            String line = lines.stream().filter(l -> l.startsWith(number + "  ")).findFirst().orElseThrow();
            StringBuilder cells = new StringBuilder(Pattern.quote(number + "  ") + ".*");
            for (int p = 0; p < PARTIES.size(); p++) {
                int stance = 3 + 5 * p;
                String label = row[stance];
                String probability = row[stance + 1 + List.of("FAVOR", "AGAINST", "NEUTRAL", "NONE").indexOf(label)];
                cells.append("  ").append(label).append(" +").append(Pattern.quote(two(probability)));
            }
            String sentiment = row[23];
            cells.append("  ").append(sentiment).append(" +")
                    .append(Pattern.quote(two(row[24 + List.of("POSITIVE", "NEGATIVE", "NEUTRAL").indexOf(sentiment)])));
            assertTrue(line.matches(cells.toString()), line + " should match " + cells);
            assertTrue(line.length() < 100, "fits 100 columns: " + line);
        }
        assertTrue(lines.get(1).contains("Russia shelled Kharkiv."), lines.get(1));
        assertTrue(lines.get(2).contains("The EU helped Ukraine."), lines.get(2));
        assertTrue(lines.get(3).startsWith("3  Washington announced"), "a long sentence starts on its row");
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +summit in Brussels\\.")), "and wraps onto lines of its own: " + run.out());

        int rollUp = lines.indexOf(lines.stream().filter(l -> l.contains("Article (3 sentences)")).findFirst().orElseThrow());
        StringBuilder stances = new StringBuilder(".*stance");
        StringBuilder scores = new StringBuilder(".*score");
        StringBuilder mentions = new StringBuilder(".*mentions");
        for (int p = 0; p < PARTIES.size(); p++) {
            stances.append(" +").append(article[2 + 3 * p]);
            scores.append(" +").append(Pattern.quote(two(article[3 + 3 * p])));
            mentions.append(" +").append(article[4 + 3 * p]);
        }
        stances.append(" +").append(article[14]);
        scores.append(" +").append(Pattern.quote(two(article[15])));
        assertTrue(lines.get(rollUp + 1).matches(stances.toString()), lines.get(rollUp + 1) + " vs " + stances);
        assertTrue(lines.get(rollUp + 2).matches(scores.toString()), lines.get(rollUp + 2) + " vs " + scores);
        assertTrue(lines.get(rollUp + 3).matches(mentions.toString()), lines.get(rollUp + 3) + " vs " + mentions);
        assertTrue(lines.get(rollUp + 5).matches(" +driven by( +(#\\d+ ?)+)*"), "the drivers row: " + lines.get(rollUp + 5));
    }

    @Test
    void theJsonDocumentAgreesWithSentencesCsvAndArticlesCsv(@TempDir Path dir) throws Exception {
        Run run = run("score", "--text", TEXT, "--model", "fast", "--format", "json");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertFalse(run.out().matches("(?s).*\\dE-\\d.*"), "numbers as the CSV writes them, never as 1.0E-4");
        List<List<String[]>> files = scoredAsFile(dir);
        List<String[]> sentences = files.get(0);
        List<String> header = List.of(sentences.get(0));
        assertEquals(sentences.size() - 1, doc.get("sentences").size());
        for (int i = 1; i < sentences.size(); i++) {
            String[] row = sentences.get(i);
            JsonNode s = doc.get("sentences").get(i - 1);
            assertEquals(row[1], s.get("index").asText());
            assertEquals(row[2], s.get("text").asText());
            for (String party : PARTIES) {
                JsonNode stance = s.get("stances").get(party);
                assertEquals(row[header.indexOf(party + "_stance")], stance.get("label").asText(), party);
                for (String label : List.of("FAVOR", "AGAINST", "NEUTRAL", "NONE")) {
                    String column = party + "_p_" + label.toLowerCase(Locale.ROOT);
                    assertEquals(Double.parseDouble(row[header.indexOf(column)]),
                            stance.get("probabilities").get(label).asDouble(), column);
                }
            }
            assertEquals(row[header.indexOf("sentiment")], s.get("sentiment").get("label").asText());
            for (String label : List.of("POSITIVE", "NEGATIVE", "NEUTRAL")) {
                assertEquals(Double.parseDouble(row[header.indexOf("p_" + label.toLowerCase(Locale.ROOT))]),
                        s.get("sentiment").get("probabilities").get(label).asDouble(), label);
            }
        }
        List<String> articleHeader = List.of(files.get(1).get(0));
        String[] article = files.get(1).get(1);
        JsonNode rollUp = doc.get("article");
        assertEquals(article[1], rollUp.get("sentences").asText());
        for (String party : PARTIES) {
            JsonNode p = rollUp.get("stances").get(party);
            assertEquals(article[articleHeader.indexOf(party + "_stance")], p.get("label").asText(), party);
            assertEquals(Double.parseDouble(article[articleHeader.indexOf(party + "_score")]), p.get("score").asDouble(), party);
            assertEquals(article[articleHeader.indexOf(party + "_mentions")], p.get("mentions").asText(), party);
            assertEquals(Double.parseDouble(article[articleHeader.indexOf(party + "_confidence")]),
                    p.get("confidence").asDouble(), party);
            // The drivers are sentences whose own stance is the article's, as sentences.csv has them.
            String stance = p.get("label").asText();
            for (JsonNode index : p.get("drivers")) {
                String[] row = files.get(0).get(1 + index.asInt());
                assertEquals(stance, row[header.indexOf(party + "_stance")], party + " driver " + index);
            }
            assertEquals(stance.equals("NONE"), p.get("drivers").isEmpty(), party + ": drivers unless NONE");
        }
        assertEquals(article[articleHeader.indexOf("sentiment")], rollUp.get("sentiment").get("label").asText());
        assertEquals(Double.parseDouble(article[articleHeader.indexOf("sentiment_score")]),
                rollUp.get("sentiment").get("score").asDouble());
    }

    @Test
    void aDashReadsTheTextFromStandardInput() throws Exception {
        Run fromArgument = run("score", "--text", TEXT, "--model", "fast", "--format", "json");
        Run fromStdin = run(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)),
                "score", "--text", "-", "--model", "fast", "--format", "json");
        assertEquals(ExitCodes.OK, fromStdin.code(), fromStdin.err());
        assertEquals(fromArgument.out(), fromStdin.out());
    }

    @Test
    void textAndFilesAreMutuallyExclusiveWithAUsageError(@TempDir Path dir) {
        Run both = run("score", "--text", TEXT, "datasets/articles", "--out", dir.toString(), "--model", "fast");
        assertEquals(ExitCodes.USAGE, both.code());
        assertTrue(both.err().contains("give either --text or INPUT files with --out, not both"), both.err());
        assertTrue(both.err().contains("Run 'stancekit score --help' for the options."), "where the options are follows the message");
        assertEquals("", both.out());

        Run csv = run("score", "--text", TEXT, "--format", "csv", "--model", "fast");
        assertEquals(ExitCodes.USAGE, csv.code());
        assertTrue(csv.err().contains("--format table|json"), csv.err());

        Run neither = run("score", "--model", "fast");
        assertEquals(ExitCodes.USAGE, neither.code());
        assertTrue(neither.err().contains("Missing required parameter: 'INPUT' (or --text TEXT"), neither.err());

        Run noOut = run("score", dir.toString(), "--model", "fast");
        assertEquals(ExitCodes.USAGE, noOut.code());
        assertTrue(noOut.err().contains("Missing required option: '--out=DIR'"), noOut.err());

        Run table = run("score", dir.toString(), "--out", dir.resolve("o").toString(), "--format", "table");
        assertEquals(ExitCodes.USAGE, table.code());
        assertTrue(table.err().contains("--format table is for --text"), table.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void aTextWithoutSentencesIsAUsageError() {
        Run blank = run("score", "--text", "  \n ", "--model", "fast");
        assertEquals(ExitCodes.USAGE, blank.code());
        assertTrue(blank.err().contains("the text has no sentences"), blank.err());
    }
}
