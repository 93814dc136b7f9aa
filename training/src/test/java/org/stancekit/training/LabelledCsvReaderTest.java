package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Split;

class LabelledCsvReaderTest {

    static final String HEADER = "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split\n";

    private final LabelledCsvReader reader = new LabelledCsvReader(LabelSchema.DEFAULT);

    private Dataset read(String csv) throws IOException {
        return reader.read(new StringReader(csv), "data.csv");
    }

    private List<String> problems(String csv) {
        return assertThrows(DatasetFormatException.class, () -> read(csv)).problems();
    }

    @Test
    void readsRowsQuotedTextExtraColumnsAndAnyLabelCase() throws IOException {
        Dataset d = read("id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split,note\n"
                + "a1,seed,doc1,0,\"Trump said Zelenskyy was not \"\"grateful\"\", and left.\",neutral,AGAINST,NONE,NONE,NEGATIVE,train,x\n"
                + "a2,seed,doc1,1,\"A quote\nover two lines.\",NONE,NONE,NONE,NONE,NEUTRAL,TEST,\n");
        assertEquals(2, d.sentences().size());
        assertEquals("Trump said Zelenskyy was not \"grateful\", and left.", d.sentences().get(0).text());
        assertEquals(List.of("NEUTRAL", "AGAINST", "NONE", "NONE"), d.sentences().get(0).labels().stances());
        assertEquals(Split.TEST, d.sentences().get(1).split());
        assertEquals(1, d.split(Split.TRAIN).size());
    }

    @Test
    void aBackslashIsText() throws IOException {
        // RFC 4180: a backslash escapes nothing (a text ending in one once swallowed the next field).
        Dataset d = read(HEADER + "a1,seed,d,0,Our history. \\,NONE,NONE,NONE,NONE,NEGATIVE,train\n"
                + "a2,seed,d,1,\"A path, C:\\news\\\",NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        assertEquals("Our history. \\", d.sentences().get(0).text());
        assertEquals(Split.TRAIN, d.sentences().get(0).split());
        assertEquals("A path, C:\\news\\", d.sentences().get(1).text());
    }

    @Test
    void aMissingColumnIsNamedOnLineOne() {
        List<String> p = problems("id,source,doc_id,position,text,us,ukraine,russia,sentiment,split\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("data.csv:1: missing column europe"), p.get(0));
    }

    @Test
    void aRequiredColumnGivenTwiceIsRefusedRatherThanGuessed() {
        List<String> p = problems("id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split,TEXT\n");
        assertEquals(List.of("data.csv:1: column 'text' appears twice (columns 5 and 12); each required column must appear once"), p);
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndReason() {
        List<String> p = problems(HEADER
                + "a1,seed,d,0,Fine sentence.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a2,seed,d,1,Bad label.,LIKES,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a3,seed,d,2,  ,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a4,seed,d,3,Bad split.,NONE,NONE,NONE,NONE,NEUTRAL,validation\n"
                + "\"a5\",seed,d,4,\"Multi\nline\",NONE,NONE,NONE,NONE,HAPPY,train\n"
                + "a6,seed,d,5,Too few fields.,NONE,NONE\n"
                + "a1,seed,d,6,Duplicate id.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a7,seed,d,x,Bad position.,NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        assertEquals(7, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("data.csv:3: unknown stance label 'LIKES' in column 'us'"), p.get(0));
        assertTrue(p.get(1).startsWith("data.csv:4: empty text"), p.get(1));
        assertTrue(p.get(2).startsWith("data.csv:5: unknown split 'validation'"), p.get(2));
        assertTrue(p.get(3).startsWith("data.csv:6: unknown sentiment label 'HAPPY'"), p.get(3));
        assertTrue(p.get(4).startsWith("data.csv:8: expected 11 fields"), p.get(4));
        assertTrue(p.get(5).startsWith("data.csv:9: duplicate id 'a1'"), p.get(5));
        assertTrue(p.get(6).startsWith("data.csv:10: position 'x'"), p.get(6));
    }

    @Test
    void anUnterminatedQuoteIsReported() {
        List<String> p = problems(HEADER + "a1,seed,d,0,\"never closed,NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        assertTrue(p.get(0).startsWith("data.csv:"), p.get(0));
        assertTrue(p.get(0).contains("malformed CSV") || p.get(0).contains("expected 11 fields"), p.get(0));
    }

    // The three below were found by LabelledCsvFuzzTest.

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine(@TempDir Path dir) throws IOException {
        // Far enough down that the decoder meets them while filling a buffer rows ahead of the parser.
        for (String end : List.of("\n", "\r\n")) {
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes(HEADER.replace("\n", end).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 400; i++) {
                csv.writeBytes(("a" + i + ",seed,d,\"" + i + "\",\"Fine,\nand multi-line.\",NONE,NONE,NONE,NONE,NEUTRAL,train" + end)
                        .getBytes(StandardCharsets.UTF_8));
            }
            csv.writeBytes("b,seed,d,0,Caf".getBytes(StandardCharsets.UTF_8));
            csv.write(0xE9); // Latin-1, not UTF-8
            csv.writeBytes(",NONE,NONE,NONE,NONE,NEUTRAL,train\n".getBytes(StandardCharsets.UTF_8));
            Path file = Files.write(dir.resolve("latin1.csv"), csv.toByteArray());
            List<String> p = assertThrows(DatasetFormatException.class, () -> reader.read(file)).problems();
            assertEquals(List.of(file + ":802: not valid UTF-8 (byte 0xE9)"), p);
        }
    }

    @Test
    void damagedGzipDataIsAFormatErrorNamingTheFile(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write((HEADER + "a1,seed,d,0,Fine.,NONE,NONE,NONE,NONE,NEUTRAL,train\n".repeat(1)).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = gz.toByteArray();
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length - 12));
        List<String> p = assertThrows(DatasetFormatException.class, () -> reader.read(cut)).problems();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).matches(Pattern.quote(cut.toString()) + ":[0-9]+: damaged gzip data \\(.+\\)"), p.get(0));
        Path plain = Files.writeString(dir.resolve("plain.csv.gz"), HEADER);
        assertEquals(List.of(plain + ":1: damaged gzip data (Not in GZIP format)"),
                assertThrows(DatasetFormatException.class, () -> reader.read(plain)).problems());
    }

    @Test
    void aCutGzipFileIsNeverReadAsAShorterOne(@TempDir Path dir) throws IOException {
        // Rows of 64 characters: every 8,192-character buffer of text ends where a row ends, which
        // is where OpenCSV once took the read error of the cut for the end of the file.
        StringBuilder csv = new StringBuilder(HEADER.strip()).append(" ".repeat(127 - HEADER.strip().length())).append('\n');
        for (int i = 0; i < 2000; i++) {
            String row = String.format(Locale.ROOT, "r%04d,seed,d%d,%d,Text,NONE,NONE,NONE,NONE,NEUTRAL,train", i, i, 0);
            csv.append(row.replace("Text", "Text " + Integer.toHexString(row.hashCode()).repeat(9).substring(0, 62 - row.length())))
                    .append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2000, reader.read(Files.write(dir.resolve("whole.csv.gz"), gz.toByteArray())).sentences().size());
        byte[] whole = gz.toByteArray();
        for (int cut : new int[] {whole.length / 3, whole.length / 2, whole.length - 4}) {
            Path file = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, cut));
            List<String> p = assertThrows(DatasetFormatException.class, () -> reader.read(file), "cut at " + cut).problems();
            assertTrue(p.get(0).matches(Pattern.quote(file.toString()) + ":[0-9]+: damaged gzip data \\(.+\\)"), p.get(0));
        }
    }

    @Test
    void aHugeOrMultiLineValueIsShownShortAndOnOneLine() {
        String huge = "NO" + "x".repeat(1_000_000);
        List<String> p = problems(HEADER + "a1,seed,d,0,Fine.," + huge + ",NONE,NONE,NONE,NEUTRAL,train\n"
                + "a2,seed,d,1,Fine.,\"FA\nVOR\",NONE,NONE,NONE,NEUTRAL,train\n"
                + "a3,seed,d,2,Fine.,NONE,NONE,NONE,NONE,NEUTRAL,\"tr\u0000ain\"\n");
        assertEquals(3, p.size(), p.toString());
        assertEquals("data.csv:2: unknown stance label '" + huge.substring(0, LabelledCsvReader.SHOWN)
                + "... (1000002 characters)' in column 'us' (expected one of FAVOR, AGAINST, NEUTRAL, NONE)", p.get(0));
        assertTrue(p.get(1).startsWith("data.csv:3: unknown stance label 'FA\\nVOR' in column 'us'"), p.get(1));
        assertEquals("data.csv:5: unknown split 'tr\\u0000ain' in column 'split' (expected train, dev or test)", p.get(2));
    }

    @Test
    void anEmptyFileIsReported() {
        assertTrue(problems("").get(0).startsWith("data.csv:1: empty file"));
    }
}
