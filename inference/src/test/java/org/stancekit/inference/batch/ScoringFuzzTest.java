package org.stancekit.inference.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.TestModel;
import org.stancekit.inference.write.OutputColumns;
import org.stancekit.inference.write.OutputFormat;

/**
 * Seeded fuzzing of {@code score}'s path from input file to output files: articles, CSV and JSONL
 * inputs, plain and gzipped, with random damage (bytes flipped, deleted, repeated, cut short;
 * quotes, separators, line ends, NUL, invalid and invisible UTF-8 inserted). Every case must end
 * without an exception or a hang, write well-formed outputs, and account for every input: a
 * text file is scored or listed in errors.csv, and a valid JSONL line after the damage is always
 * scored (a CSV one too, unless damage to a quote joined it to a malformed row, which is listed).
 *
 * <p>{@value #DEFAULT_CASES} cases run in the suite with a fixed seed; a longer run:
 * {@code mvn -pl inference -am test -Dtest=ScoringFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstancekit.fuzz.cases=20000 -Dstancekit.fuzz.seed=7}.
 */
class ScoringFuzzTest {

    private static final int DEFAULT_CASES = 300;
    private static final String[] TEXTS = {
        "Russia attacked Kyiv overnight. Ukraine's air defence shot down most drones.",
        "The EU agreed new sanctions on Moscow, and Washington welcomed the decision.\nA second paragraph follows.",
        "\"We will not give up,\" Zelensky said. The Kremlin called the talks \"pointless\".",
        "Gas prices rose in Europe; Germany said it had enough reserves, citing U.S. shipments.",
    };

    @Test
    void damagedInputsAreScoredOrListedAndNeverEndTheBatch(@TempDir Path dir) {
        int cases = Integer.getInteger("stancekit.fuzz.cases", DEFAULT_CASES);
        long seed = Long.getLong("stancekit.fuzz.seed", 20261206L);
        Scorer scorer = new Scorer(TestModel.bundle());
        assertTimeoutPreemptively(Duration.ofSeconds(60 + cases / 2), () -> {
            Random random = new Random(seed);
            for (int c = 0; c < cases; c++) {
                runCase(scorer, dir.resolve("case" + c), c, new Mutator(random), random);
            }
        }, "a case hung (seed " + seed + ")");
    }

    private static void runCase(Scorer scorer, Path dir, int number, Mutator mutator, Random random) throws IOException {
        Files.createDirectories(dir);
        String kind = List.of("txt", "csv", "jsonl").get(random.nextInt(3));
        boolean gzip = random.nextInt(4) == 0;
        String sentinel = "sentinel-" + number;
        byte[] damaged = mutator.mutate(seedDocument(kind, random));
        byte[] content = switch (kind) {
            // The valid last row, after a line end, that reading must reach whatever came before.
            case "csv" -> concat(damaged, ("\n" + sentinel + ",\"Kyiv said it would talk.\"\n").getBytes(StandardCharsets.UTF_8));
            case "jsonl" -> concat(damaged, ("\n{\"id\":\"" + sentinel + "\",\"text\":\"Kyiv said it would talk.\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            default -> damaged;
        };
        Path input = dir.resolve("input-" + number + "." + kind + (gzip ? ".gz" : ""));
        Files.write(input, gzip ? gzip(content, random) : content);
        Path out = dir.resolve("out");
        String description = "case " + number + " (" + input.getFileName() + ", "
                + new String(content, 0, Math.min(400, content.length), StandardCharsets.UTF_8).replace("\n", "\\n") + ")";

        BatchSummary summary = new BatchScorer(scorer).run(List.of(input), out, OutputFormat.CSV, s -> { });

        List<String[]> articles = rows(out.resolve("articles.csv"), new OutputColumns(scorer.bundle().schema()).articleHeader().size(),
                description);
        List<String[]> errors = rows(out.resolve("errors.csv"), 3, description);
        assertEquals(summary.articles(), articles.size(), description);
        assertEquals(summary.failed(), errors.size(), description);
        errors.forEach(e -> assertTrue(!e[2].isBlank() && e[0].startsWith(input.toString()), description + ": " + String.join(",", e)));
        boolean sentinelScored = articles.stream().anyMatch(a -> a[0].equals(sentinel));
        switch (kind) {
            case "txt" -> assertEquals(1, articles.size() + errors.size(), description + ": one file, one result");
            case "jsonl" -> assertTrue(sentinelScored || truncatedGzip(errors), description + ": the valid last line was lost");
            default -> assertTrue(sentinelScored || truncatedGzip(errors)
                    || errors.stream().anyMatch(e -> e[2].contains("malformed CSV") || e[2].contains("too long") || e[2].contains("header row")),
                    description + ": the valid last row was lost without a word; errors: "
                    + errors.stream().map(e -> String.join(",", e)).toList());
        }
    }

    /** A gzip cut short by the damage ends the file; the cut is what errors.csv names. */
    private static boolean truncatedGzip(List<String[]> errors) {
        return errors.stream().anyMatch(e -> e[2].contains("truncated file") || e[2].contains("gzip"));
    }

    private static byte[] seedDocument(String kind, Random random) throws IOException {
        String text = TEXTS[random.nextInt(TEXTS.length)];
        return switch (kind) {
            case "txt" -> text.getBytes(StandardCharsets.UTF_8);
            case "csv" -> ("id,text,source\na1,\"" + text.replace("\"", "\"\"") + "\",wire\na2,\""
                    + TEXTS[random.nextInt(TEXTS.length)].replace("\"", "\"\"") + "\",wire\n").getBytes(StandardCharsets.UTF_8);
            default -> {
                ObjectMapper json = new ObjectMapper();
                yield (json.writeValueAsString(Map.of("id", "a1", "text", text)) + "\n"
                        + json.writeValueAsString(Map.of("id", "a2", "text", TEXTS[random.nextInt(TEXTS.length)])) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** The rows of an output CSV after its header, each checked for its width. */
    private static List<String[]> rows(Path csv, int width, String description) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVReader reader = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).withSkipLines(1).build()) {
            for (String[] row : reader) {
                assertEquals(width, row.length, description + ": " + csv.getFileName() + " row " + String.join(",", row));
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] gzip(byte[] content, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        byte[] gz = bytes.toByteArray();
        // Now and then the compressed file itself is cut short or damaged.
        return switch (random.nextInt(6)) {
            case 0 -> java.util.Arrays.copyOf(gz, random.nextInt(gz.length));
            case 1 -> new Mutator(random).flip(gz);
            default -> gz;
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Random damage to bytes, one to three changes a document. */
    record Mutator(Random random) {
        /** Bytes that mean something to a reader: quotes, separators, line ends, NUL, bad and invisible UTF-8. */
        private static final byte[][] SPECIAL = {
            {'"'}, {','}, {'\n'}, {'\r'}, {'\\'}, {'{'}, {'}'}, {0}, {(byte) 0xFF}, {(byte) 0xC3},
            {(byte) 0xE2, (byte) 0x80, (byte) 0x8B}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'='}, {'\t'}, {'"', '"'},
        };

        byte[] mutate(byte[] bytes) {
            byte[] out = bytes;
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                out = switch (random.nextInt(6)) {
                    case 0 -> flip(out);
                    case 1 -> insert(out, SPECIAL[random.nextInt(SPECIAL.length)]);
                    case 2 -> splice(out, true);
                    case 3 -> splice(out, false);
                    case 4 -> java.util.Arrays.copyOf(out, out.length == 0 ? 0 : random.nextInt(out.length));
                    default -> insert(out, run());
                };
            }
            return out;
        }

        byte[] flip(byte[] bytes) {
            byte[] out = bytes.clone();
            if (out.length > 0) {
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            }
            return out;
        }

        private byte[] insert(byte[] bytes, byte[] what) {
            int at = random.nextInt(bytes.length + 1);
            byte[] out = new byte[bytes.length + what.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(what, 0, out, at, what.length);
            System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
            return out;
        }

        /** Deletes a range, or repeats it. */
        private byte[] splice(byte[] bytes, boolean delete) {
            if (bytes.length < 2) {
                return bytes;
            }
            int from = random.nextInt(bytes.length);
            int to = from + random.nextInt(Math.min(64, bytes.length - from)) + 1;
            byte[] range = java.util.Arrays.copyOfRange(bytes, from, to);
            byte[] head = java.util.Arrays.copyOf(bytes, delete ? from : to);
            byte[] tail = java.util.Arrays.copyOfRange(bytes, to, bytes.length);
            return concat(delete ? head : concat(head, range), tail);
        }

        /** A long run of one character: a huge field, line or quote. */
        private byte[] run() {
            byte[] out = new byte[1000 + random.nextInt(300_000)];
            java.util.Arrays.fill(out, SPECIAL[random.nextInt(3)][0] == '"' ? (byte) '"' : (byte) 'x');
            return out;
        }
    }
}
