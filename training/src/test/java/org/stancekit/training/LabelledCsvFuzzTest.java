package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.LabelSchema;

/**
 * Seeded random damage to valid labelled CSV files (bytes flipped, cut, inserted or deleted;
 * quotes, commas, line breaks, backslashes, NUL and bytes that are not UTF-8; columns duplicated
 * or dropped; megabyte fields; a tenth gzipped, some of those with the gzip data damaged). Every
 * case must, within seconds, either read (and pass through the checks that follow reading) or
 * fail with a {@link DatasetFormatException} whose every problem is one short line naming the file
 * and a line. A file that is not all UTF-8 text or whose gzip data is damaged must never read: it
 * would have been read in part. Anything else (another exception, a hang) is a bug in the reader.
 *
 * <p>300 cases by default; {@code -Dstancekit.fuzz.cases=N} runs more and
 * {@code -Dstancekit.fuzz.seed=S} others. A failing case names its seed and number, and the
 * same seed gives the same cases.
 */
class LabelledCsvFuzzTest {

    private static final int CASES = Integer.getInteger("stancekit.fuzz.cases", 300);
    private static final long SEED = Long.getLong("stancekit.fuzz.seed", 20261215L);
    /** Per case, generous for a few megabytes on a loaded machine; a hang takes forever. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static final String HEADER = "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split";

    /** Valid files that together use every feature of the format the reader accepts. */
    private static final List<String> VALID = List.of(
            HEADER + "\n"
                    + "a1,news,t1,0,Russia attacked Kharkiv overnight.,NONE,FAVOR,AGAINST,NONE,NEGATIVE,train\n"
                    + "a2,news,t1,1,\"Washington, again, sent \"\"more\"\" aid.\",FAVOR,FAVOR,NONE,NONE,POSITIVE,train\n"
                    + "b1,news,d1,0,\"A quote\nover two lines.\",NONE,NONE,AGAINST,FAVOR,NEGATIVE,dev\n"
                    + "c1,news,e1,0,Our history. \\,neutral,none,none,none,neutral,TEST\n",
            "\uFEFF" + HEADER + ",note\r\n"
                    + "a1,seed,d,0,\"A path, C:\\news\\\",NONE,NONE,NONE,NONE,NEUTRAL,train,x\r\n"
                    + "a2,seed,d,1,Ukraine’s delegation met – in Jeddah – on Tuesday.,NEUTRAL,NEUTRAL,NONE,NONE,NEUTRAL,train,\r\n"
                    + "\r\n"
                    + "a3,synthetic,d9,2,Made up.,NONE,NONE,AGAINST,NONE,NEGATIVE,train,y\r\n",
            "split,sentiment,europe,russia,ukraine,us,text,position,doc_id,source,id\n"
                    + "dev,POSITIVE,FAVOR,NONE,NONE,NONE,Europe pledged new funds.,3,d2,news,x1\n"
                    + "test,NEGATIVE,NONE,AGAINST,NONE,NONE,\"Drones struck Lviv, again.\",0,d3,news,x2\n",
            aligned());

    /**
     * Many rows of 64 bytes each (ASCII, so as many characters), so that the decoder's
     * 8,192-character buffers end where rows end: OpenCSV's check for a closed reader, made at the
     * start of every row, once took a read error there for the end of the file, and a cut .csv.gz
     * read as a shorter file.
     */
    private static String aligned() {
        // The header takes two rows' room: 128 + 126 * 64 = 8,192.
        StringBuilder csv = new StringBuilder(HEADER).append(" ".repeat(127 - HEADER.length())).append('\n');
        for (int i = 0; i < 600; i++) {
            String row = String.format(Locale.ROOT, "r%04d,news,d%d,%d,Text,NONE,FAVOR,NONE,NONE,NEUTRAL,%s", i, i / 10, i % 10,
                    List.of("train", "dev", "test").get(i % 3));
            csv.append(row.replace("Text", "Text" + "x".repeat(63 - row.length()))).append('\n');
        }
        return csv.toString();
    }

    /** What a mutation may insert: CSV syntax, control characters, bad and unusual UTF-8. */
    private static final List<byte[]> INSERTS = Stream.of(
            "\"", ",", "\n", "\r", "\r\n", "\\", "\\\"", "\"\"", "\0", ",,,", "\n\n", "\uFEFF", "\u2028", "\u202E",
            "\uD83D\uDE00", "İ", "ß", " ", "\t", "NONE", "train", "dev", "-1", "99999999999")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)).collect(ArrayList<byte[]>::new, List::add, List::addAll);
    private static final List<byte[]> BAD_UTF8 = List.of(
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    /** Cases that read, failed on the header or the whole file, failed on a row: the fuzzer must reach all three. */
    private static final AtomicInteger READ = new AtomicInteger();
    private static final AtomicInteger FILE_REFUSED = new AtomicInteger();
    private static final AtomicInteger ROW_REFUSED = new AtomicInteger();

    private final LabelledCsvReader reader = new LabelledCsvReader(LabelSchema.DEFAULT);

    @AfterAll
    static void theCasesReachedEveryOutcome() {
        String counts = READ + " read, " + FILE_REFUSED + " refused on line 1, " + ROW_REFUSED + " refused further down";
        System.out.println("LabelledCsvFuzzTest, seed " + SEED + ": " + counts);
        if (CASES >= 100) {
            // Mutations that nearly always break the header would test little of the reader.
            for (AtomicInteger outcome : List.of(READ, FILE_REFUSED, ROW_REFUSED)) {
                assertTrue(outcome.get() >= CASES / 20, counts);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDamagedFileReadsOrFailsNamingItsFileAndLine(@TempDir Path dir) {
        return IntStream.range(0, CASES).mapToObj(c -> DynamicTest.dynamicTest("seed " + SEED + " case " + c, () -> {
            Random random = new Random(SEED * 1_000_003L + c);
            byte[] csv = VALID.get(random.nextInt(VALID.size())).getBytes(StandardCharsets.UTF_8);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                // Mostly below the header, which a single change often makes unreadable as a whole.
                csv = random.nextInt(5) == 0 ? mutate(csv, random) : belowTheHeader(csv, random);
            }
            // A tenth as .csv.gz, which the reader decompresses, half of them with the gzip data damaged too.
            boolean gzip = random.nextInt(10) == 0;
            Path file = dir.resolve(String.format(Locale.ROOT, "case-%d.csv%s", c, gzip ? ".gz" : ""));
            byte[] written = !gzip ? csv : random.nextBoolean() ? gzip(csv) : damage(gzip(csv), random);
            Files.write(file, written);
            // A file that is not all UTF-8 text must not read: that it did would mean a part was dropped unseen.
            boolean unreadable = !isUtf8(csv) || gzip && !decompresses(written);
            boolean empty = csv.length == 0;
            byte[] shown = csv;
            assertTimeoutPreemptively(LIMIT, () -> {
                try {
                    readOrFailNamingTheLine(file, unreadable, empty);
                } catch (Throwable t) {
                    throw new AssertionError(t + " on " + preview(shown), t);
                }
            }, () -> "hung on " + preview(shown));
        }));
    }

    private void readOrFailNamingTheLine(Path file, boolean unreadable, boolean empty) throws IOException {
        try {
            Dataset data = reader.read(file);
            assertFalse(unreadable, "read " + data.sentences().size() + " rows of a file with bytes that are not "
                    + "UTF-8 or damaged gzip data, without a word");
            // What reads must also survive the checks that follow reading.
            new DatasetChecker().check(data, List.of());
            TrainingDataCheck.problems(data, data, true);
            READ.incrementAndGet();
        } catch (DatasetFormatException e) {
            assertFalse(e.problems().isEmpty(), "a format error without a problem");
            (e.problems().get(0).startsWith(file + ":1: ") ? FILE_REFUSED : ROW_REFUSED).incrementAndGet();
            assertTrue(e.problems().size() <= LabelledCsvReader.MAX_PROBLEMS, e.problems().size() + " problems");
            Pattern named = Pattern.compile(Pattern.quote(file.toString()) + ":[1-9][0-9]*: \\S[^\\n\\r]*");
            for (String problem : e.problems()) {
                // One readable line each: a damaged megabyte-long field must not end up in the message.
                String shown = problem.length() > 600 ? problem.substring(0, 600) + "..." : problem;
                assertTrue(problem.length() <= file.toString().length() + 500, "too long: " + shown);
                assertTrue(named.matcher(problem).matches(), "not file:line: reason on one line: " + shown);
                assertTrue(empty || !problem.contains("empty file"), "a file with content read as empty: " + shown);
            }
        }
    }

    /** One random mutation of the rows of {@code csv}, its first line kept. */
    private static byte[] belowTheHeader(byte[] csv, Random random) {
        int body = 0;
        while (body < csv.length && csv[body] != '\n') {
            body++;
        }
        if (body >= csv.length - 1) {
            return mutate(csv, random);
        }
        byte[] header = Arrays.copyOf(csv, body + 1);
        byte[] rows = mutate(Arrays.copyOfRange(csv, body + 1, csv.length), random);
        byte[] out = Arrays.copyOf(header, header.length + rows.length);
        System.arraycopy(rows, 0, out, header.length, rows.length);
        return out;
    }

    /** One random mutation of {@code csv}. */
    static byte[] mutate(byte[] csv, Random random) {
        int at = csv.length == 0 ? 0 : random.nextInt(csv.length + 1);
        switch (random.nextInt(12)) {
            case 0: { // flip bits of a few bytes
                byte[] out = csv.clone();
                for (int i = 0, n = 1 + random.nextInt(3); i < n && out.length > 0; i++) {
                    // The top bit half as often: flips that keep ASCII test the parser, not the decoder.
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(random.nextBoolean() ? 7 : 8));
                }
                return out;
            }
            case 1: // truncate
                return Arrays.copyOf(csv, at);
            case 2: // insert CSV syntax or an unusual character
                return insert(csv, at, INSERTS.get(random.nextInt(INSERTS.size())));
            case 3: // insert bytes that are not UTF-8
                return insert(csv, at, BAD_UTF8.get(random.nextInt(BAD_UTF8.size())));
            case 4: // delete a stretch
                return delete(csv, at, Math.min(csv.length - at, random.nextInt(40)));
            case 5: // a huge field: up to a megabyte, sometimes quoted
                String big = "x,\"".charAt(random.nextInt(3)) + "ab ".repeat(1 + random.nextInt(350_000));
                return insert(csv, at, big.getBytes(StandardCharsets.UTF_8));
            case 6:
                return editFields(csv, random, true);
            case 7:
                return editFields(csv, random, false);
            case 8: { // duplicate or drop a whole line
                List<String> lines = lines(csv);
                int i = random.nextInt(lines.size());
                if (random.nextBoolean()) {
                    lines.add(i, lines.get(i));
                } else {
                    lines.remove(i);
                }
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 9: // a random byte anywhere
                return insert(csv, at, new byte[] {(byte) random.nextInt(256)});
            case 10: { // a row of well-quoted odd text: rows that still read, for the checks after reading
                StringBuilder text = new StringBuilder();
                for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                    text.append(new String(INSERTS.get(random.nextInt(INSERTS.size())), StandardCharsets.UTF_8));
                }
                String row = String.format(Locale.ROOT, "\nz%d,news,%s,%d,\"x %s\",NONE,FAVOR,NONE,NONE,NEUTRAL,%s",
                        random.nextInt(1000), "d" + random.nextInt(5), random.nextInt(9),
                        text.toString().replace("\"", "\"\""), List.of("train", "dev", "test").get(random.nextInt(3)));
                return insert(csv, lineEnd(csv, at), row.getBytes(StandardCharsets.UTF_8));
            }
            default: { // a field replaced by junk
                List<String> lines = lines(csv);
                int i = random.nextInt(lines.size());
                List<String> fields = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
                int f = random.nextInt(fields.size());
                fields.set(f, List.of("", " ", "\"", "none ", "FAVOR\"", "x\ny", "\0", "-0", "2147483648", "TRAIN ")
                        .get(random.nextInt(10)));
                lines.set(i, String.join(",", fields));
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** Where the line that holds {@code at} ends (its line break, or the end of the file). */
    private static int lineEnd(byte[] csv, int at) {
        int end = at;
        while (end < csv.length && csv[end] != '\n') {
            end++;
        }
        return end;
    }

    /** Duplicates ({@code duplicate}) or deletes one comma-separated field of a random line. */
    private static byte[] editFields(byte[] csv, Random random, boolean duplicate) {
        List<String> lines = lines(csv);
        int i = random.nextInt(lines.size());
        List<String> fields = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
        int f = random.nextInt(fields.size());
        if (duplicate) {
            fields.add(f, fields.get(f));
        } else if (fields.size() > 1) {
            fields.remove(f);
        }
        lines.set(i, String.join(",", fields));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** The lines of {@code csv}, decoded leniently: a line edit may follow a byte-level one. */
    private static List<String> lines(byte[] csv) {
        return new ArrayList<>(Arrays.asList(new String(csv, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] insert(byte[] csv, int at, byte[] what) {
        byte[] out = new byte[csv.length + what.length];
        System.arraycopy(csv, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(csv, at, out, at + what.length, csv.length - at);
        return out;
    }

    private static byte[] delete(byte[] csv, int at, int length) {
        byte[] out = new byte[csv.length - length];
        System.arraycopy(csv, 0, out, 0, at);
        System.arraycopy(csv, at + length, out, at, csv.length - at - length);
        return out;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether damaged gzip data still decompresses (a changed byte of the header's time does no harm). */
    private static boolean decompresses(byte[] gzip) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            in.readAllBytes();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Compressed data cut short or with a byte changed. */
    private static byte[] damage(byte[] gzip, Random random) {
        if (random.nextBoolean()) {
            return Arrays.copyOf(gzip, random.nextInt(gzip.length));
        }
        byte[] out = gzip.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
        return out;
    }

    /** The start of a case, escaped, for a failure message. */
    private static String preview(byte[] csv) {
        String s = new String(csv, 0, Math.min(csv.length, 400), StandardCharsets.UTF_8);
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0")
                + (csv.length > 400 ? "... (" + csv.length + " bytes)" : "");
    }
}
