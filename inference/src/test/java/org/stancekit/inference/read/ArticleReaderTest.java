package org.stancekit.inference.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

    @Test
    void readsTxtFoldersCsvAndJsonl(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("news/sub"));
        Files.writeString(dir.resolve("news/b.txt"), "Second article.");
        Files.writeString(folder.resolve("a.txt"), "\uFEFFFirst article.\nSecond paragraph.");
        Path csv = Files.writeString(dir.resolve("rows.csv"), "text,id\n\"Hello, world.\",c1\n\"Line one\nline two\",c2\n");
        Path jsonl = Files.writeString(dir.resolve("rows.jsonl"), "{\"id\": 7, \"text\": \"Seven.\"}\n\n{\"id\":\"j2\",\"text\":\"Two.\"}\n");

        List<ArticleInput> items = new ArticleReader().readAll(List.of(dir.resolve("news"), csv, jsonl));
        List<String> ids = items.stream().map(i -> ((ArticleInput.Loaded) i).article().id()).toList();
        assertEquals(List.of("b", "a", "c1", "c2", "7", "j2"), ids);
        assertEquals("First article.\nSecond paragraph.", ((ArticleInput.Loaded) items.get(1)).article().text());
        assertEquals("Line one\nline two", ((ArticleInput.Loaded) items.get(3)).article().text());
    }

    @Test
    void badInputsBecomeFailuresAndReadingGoesOn(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 au lait.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("empty.txt"), "  \n");
        Files.write(dir.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        Files.writeString(dir.resolve("good.txt"), "A good article.");
        Files.writeString(dir.resolve("notes.pdf"), "not an article");
        Files.writeString(dir.resolve("z.jsonl"), "{\"id\":\"x\",\"text\":\"Fine.\"}\n{broken\n{\"id\":\"x\",\"text\":\"Again.\"}\n{\"text\":\"no id\"}\n");

        List<ArticleInput> items = new ArticleReader().readAll(List.of(dir));
        assertEquals(9, items.size(), items.toString());
        assertFailure(items.get(0), "binary.txt", "binary file");
        assertFailure(items.get(1), "empty.txt", "empty article");
        assertInstanceOf(ArticleInput.Loaded.class, items.get(2));
        assertFailure(items.get(3), "latin1.txt", "not valid UTF-8");
        assertFailure(items.get(4), "notes.pdf", "unsupported file type");
        assertInstanceOf(ArticleInput.Loaded.class, items.get(5));
        assertFailure(items.get(6), "z.jsonl:2", "invalid JSON");
        assertFailure(items.get(7), "z.jsonl:3", "duplicate article id 'x'");
        assertFailure(items.get(8), "z.jsonl:4", "expected an object with 'id' and 'text'");
    }

    @Test
    void aReplacementCharacterWrittenOnPurposeIsTextButAMalformedByteAmongItIsNot(@TempDir Path dir) throws IOException {
        // Decoding is lenient first, then strict only when U+FFFD shows up: both cases must come out right.
        Files.writeString(dir.resolve("a.txt"), "The sign \uFFFD stands for a lost character.");
        byte[] valid = "Also \uFFFD here, then a stray byte: ".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(valid, valid.length + 1);
        broken[valid.length] = (byte) 0xC3;
        Files.write(dir.resolve("b.txt"), broken);
        List<ArticleInput> items = new ArticleReader().readAll(List.of(dir));
        assertEquals("The sign \uFFFD stands for a lost character.", ((ArticleInput.Loaded) items.get(0)).article().text());
        assertFailure(items.get(1), "b.txt", "not valid UTF-8");
    }

    @Test
    void aMissingInputPathIsAnErrorBeforeAnythingIsRead(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> new ArticleReader().readAll(List.of(dir.resolve("missing"))));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aCsvWithoutTheColumnsIsOneFailure(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "name,body\na,b\n");
        List<ArticleInput> items = new ArticleReader().readAll(List.of(csv));
        assertEquals(1, items.size());
        assertFailure(items.get(0), "bad.csv:1", "needs a header row with 'id' and 'text'");
    }

    @Test
    void gzippedTextCsvAndJsonlReadLikeTheirPlainForms(@TempDir Path dir) throws IOException {
        gzip(dir.resolve("story.txt.gz"), "A gzipped article.\nIts second line.");
        gzip(dir.resolve("rows.csv.gz"), "id,text\ng1,\"First row.\"\ng2,Second row.\n");
        gzip(dir.resolve("rows.jsonl.gz"), "{\"id\":\"j1\",\"text\":\"From JSONL.\"}\n");
        Files.write(dir.resolve("broken.txt.gz"), "not gzip at all".getBytes(StandardCharsets.UTF_8));

        ArticleReader reader = new ArticleReader();
        List<ArticleInput> items = reader.readAll(List.of(dir));
        assertFailure(items.get(0), "broken.txt.gz", "not valid gzip data");
        List<String> ids = items.subList(1, items.size()).stream().map(i -> ((ArticleInput.Loaded) i).article().id()).toList();
        assertEquals(List.of("g1", "g2", "j1", "story"), ids);
        assertEquals("A gzipped article.\nIts second line.", ((ArticleInput.Loaded) items.get(4)).article().text());
        long total = ArticleReader.totalBytes(List.of(dir));
        long broken = Files.size(dir.resolve("broken.txt.gz"));
        assertTrue(reader.bytesRead() <= total && reader.bytesRead() >= total - broken,
                "progress counts the compressed bytes (all of every good file): " + reader.bytesRead() + " of " + total);
    }

    @Test
    void columnAndFieldNamesCanBeChosen(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("news.csv"), "Headline_ID,source,Body\nh1,x,\"Kyiv said.\"\n");
        Path jsonl = Files.writeString(dir.resolve("news.jsonl"), "{\"headline_id\":\"h2\",\"body\":\"Moscow said.\"}\n"
                + "{\"id\":\"h3\",\"text\":\"Default names are not read now.\"}\n");
        ReaderOptions options = new ReaderOptions("headline_id", "body", 1000);
        List<ArticleInput> items = new ArticleReader(options).readAll(List.of(csv, jsonl));
        assertEquals("h1", ((ArticleInput.Loaded) items.get(0)).article().id());
        assertEquals("Kyiv said.", ((ArticleInput.Loaded) items.get(0)).article().text());
        assertEquals("h2", ((ArticleInput.Loaded) items.get(1)).article().id());
        assertFailure(items.get(2), "news.jsonl:2", "expected an object with 'headline_id' and 'body'");
        List<ArticleInput> defaults = new ArticleReader().readAll(List.of(csv));
        assertFailure(defaults.get(0), "news.csv:1", "needs a header row with 'id' and 'text'");
    }

    @Test
    void csvIsReadAsRfc4180WithBackslashesAsOrdinaryCharacters(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "id,text\nr1,\"He said \\\"\"no\"\" in C:\\temp.\"\nr2,Next.\n");
        List<ArticleInput> items = new ArticleReader().readAll(List.of(csv));
        assertEquals("He said \\\"no\" in C:\\temp.", ((ArticleInput.Loaded) items.get(0)).article().text());
        assertEquals("r2", ((ArticleInput.Loaded) items.get(1)).article().id());
    }

    @Test
    void standardInputIsReadAsJsonl() throws IOException {
        byte[] lines = "{\"id\":\"s1\",\"text\":\"One.\"}\r\n\n{\"id\":\"s2\",\"text\":\"Two.\"}".getBytes(StandardCharsets.UTF_8);
        ArticleReader reader = new ArticleReader(ReaderOptions.DEFAULT, () -> new ByteArrayInputStream(lines));
        List<ArticleInput> items = reader.readAll(List.of(Path.of(ArticleReader.STDIN)));
        assertEquals(List.of("s1", "s2"), items.stream().map(i -> ((ArticleInput.Loaded) i).article().id()).toList());
        assertEquals("<stdin>:3", items.get(1).location());
        assertEquals(-1, ArticleReader.totalBytes(List.of(Path.of("-"))));
    }

    @Test
    void articlesLongerThanTheLimitAreFailuresWithTheLimitInTheReason(@TempDir Path dir) throws IOException {
        String longText = "Word. ".repeat(40);
        Files.writeString(dir.resolve("long.txt"), longText);
        Files.writeString(dir.resolve("huge.txt"), "x".repeat(1000));
        Files.writeString(dir.resolve("ok.txt"), "Short.");
        Files.writeString(dir.resolve("rows.csv"), "id,text\nc1,\"" + longText + "\"\nc2,Fine.\n");
        Files.writeString(dir.resolve("rows.jsonl"), "{\"id\":\"j1\",\"text\":\"" + "y".repeat(5000) + "\"}\n{\"id\":\"j2\",\"text\":\"Fine.\"}\n");
        List<ArticleInput> items = new ArticleReader(new ReaderOptions("id", "text", 100)).readAll(List.of(dir));
        assertFailure(items.get(0), "huge.txt", "more than 100 characters");
        assertFailure(items.get(1), "long.txt", "article too long: 240 characters (the limit is 100");
        assertInstanceOf(ArticleInput.Loaded.class, items.get(2));
        assertFailure(items.get(3), "rows.csv:2", "article too long");
        assertEquals("c2", ((ArticleInput.Loaded) items.get(4)).article().id());
        assertFailure(items.get(5), "rows.jsonl:1", "article too long");
        assertEquals("j2", ((ArticleInput.Loaded) items.get(6)).article().id(), "reading goes on after an over-long line");
    }

    @Test
    void recordsEndAtLineEndsOrOutsideQuotesAndOverlongOnesAreSkippedWithoutBeingHeld() throws IOException {
        RecordReader lines = new RecordReader(bytes("a\r\nbb\rccc\n" + "z".repeat(200_000) + "\nlast"), RecordReader.Mode.LINES, 100_000);
        assertRecord(lines.next(), "a", 1);
        assertRecord(lines.next(), "bb", 2);
        assertRecord(lines.next(), "ccc", 3);
        RecordReader.Record tooLong = lines.next();
        assertTrue(tooLong.tooLong());
        assertEquals(4, tooLong.line());
        assertRecord(lines.next(), "last", 5);
        assertNull(lines.next());

        RecordReader csv = new RecordReader(bytes("id,text\r\n1,\"two\nlines, \"\"quoted\"\"\"\r\n2,a\"b\n3,\"open\nto the end"),
                RecordReader.Mode.CSV, 1000);
        assertRecord(csv.next(), "id,text", 1);
        assertRecord(csv.next(), "1,\"two\nlines, \"\"quoted\"\"\"", 2);
        assertRecord(csv.next(), "2,a\"b", 4);
        RecordReader.Record open = csv.next();
        assertTrue(open.unterminated());
        assertEquals(5, open.line());
        assertNull(csv.next());

        // Half a gigabyte in one unterminated quote: read past in bounded memory, reported as too long.
        long huge = 512L << 20;
        InputStream endless = new InputStream() {
            long left = huge;

            @Override
            public int read() {
                return left-- > 0 ? (left == huge - 1 ? '"' : 'x') : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                if (left == huge) {
                    b[off] = '"';
                }
                left -= n;
                return n;
            }
        };
        RecordReader.Record bomb = new RecordReader(endless, RecordReader.Mode.CSV, 1 << 20).next();
        assertTrue(bomb.tooLong() && bomb.unterminated());
    }

    @Test
    void oneMalformedByteFailsOnlyItsOwnLineWithItsTrueNumber(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 1; i <= 5000; i++) {
            jsonl.append("{\"id\":\"j").append(i).append("\",\"text\":\"Kyiv said ").append(i).append(".\"}\n");
            csv.append('c').append(i).append(",\"Moscow said\n").append(i).append(".\"\n");
        }
        Files.write(dir.resolve("a.jsonl"), withBadByteOnLine(jsonl.toString(), 2000));
        // CSV records here take two lines each: record 1000 starts on line 2 * 1000.
        Files.write(dir.resolve("b.csv"), withBadByteOnLine(csv.toString(), 2000));
        List<ArticleInput> items = new ArticleReader().readAll(List.of(dir.resolve("a.jsonl"), dir.resolve("b.csv")));
        List<ArticleInput.Failed> failed = items.stream().filter(ArticleInput.Failed.class::isInstance)
                .map(ArticleInput.Failed.class::cast).toList();
        assertEquals(2, failed.size(), failed.toString());
        assertFailure(failed.get(0), "a.jsonl:2000", "not valid UTF-8");
        assertFailure(failed.get(1), "b.csv:2000", "not valid UTF-8");
        assertEquals(2 * 4999, items.size() - failed.size(), "every other row is read");

        // Standard input too: the lines before and after the bad one are all read.
        byte[] stdin = withBadByteOnLine(jsonl.toString(), 3);
        List<ArticleInput> fromStdin = new ArticleReader(ReaderOptions.DEFAULT, () -> new ByteArrayInputStream(stdin))
                .readAll(List.of(Path.of(ArticleReader.STDIN)));
        assertEquals(5000, fromStdin.size());
        assertFailure(fromStdin.get(2), "<stdin>:3", "not valid UTF-8");
        assertInstanceOf(ArticleInput.Loaded.class, fromStdin.get(1));
        assertInstanceOf(ArticleInput.Loaded.class, fromStdin.get(3));
    }

    @Test
    void aTruncatedGzipIsReportedWhereverItIsCut(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 1297; i++) {
            // Incompressible-ish text so that cuts land on many different buffer boundaries.
            csv.append('r').append(i).append(",\"Kyiv ").append(Long.toHexString(random.nextLong())).append(".\"\n");
        }
        Path whole = dir.resolve("whole.csv.gz");
        gzip(whole, csv.toString());
        byte[] gz = Files.readAllBytes(whole);
        for (int cut = 10; cut < gz.length; cut += Math.max(1, gz.length / 37)) {
            Path truncated = Files.write(dir.resolve("cut" + cut + ".csv.gz"), java.util.Arrays.copyOf(gz, cut));
            List<ArticleInput> items = new ArticleReader().readAll(List.of(truncated));
            ArticleInput last = items.get(items.size() - 1);
            assertFailure(last, "cut" + cut + ".csv.gz", "truncated file");
            assertTrue(items.size() - 1 < 1297, "cut at " + cut);
        }
    }

    @Test
    void anUnterminatedQuoteFailsItsRecordAndTheNextInputIsRead(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "id,text\nr1,Fine.\nr2,\"never closed" + " and on".repeat(100_000));
        Path next = Files.writeString(dir.resolve("b.txt"), "Read after it.");
        List<ArticleInput> items = new ArticleReader(new ReaderOptions("id", "text", 1000)).readAll(List.of(csv, next));
        assertEquals(3, items.size(), items.toString());
        assertInstanceOf(ArticleInput.Loaded.class, items.get(0));
        assertFailure(items.get(1), "a.csv:3", "never closed");
        assertInstanceOf(ArticleInput.Loaded.class, items.get(2));

        Path shortOpen = Files.writeString(dir.resolve("c.csv"), "id,text\nr1,\"never closed\n");
        assertFailure(new ArticleReader().readAll(List.of(shortOpen)).get(0), "c.csv:2", "never closed");
    }

    @Test
    void jsonWithTrailingGarbageAndTextWithoutLettersAreFailures(@TempDir Path dir) throws IOException {
        Path jsonl = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":\"a\",\"text\":\"Fine.\"} trailing\n"
                + "{\"id\":\"b\",\"text\":\"Fine.\"}{\"id\":\"c\",\"text\":\"x\"}\n{\"id\":\"d\",\"text\":\"Fine.\"}  \n");
        Files.writeString(dir.resolve("invisible.txt"), "\u200B\u200B\uFEFF\u2060 \u00A0\n\u200C");
        List<ArticleInput> items = new ArticleReader().readAll(List.of(jsonl, dir.resolve("invisible.txt")));
        assertFailure(items.get(0), "a.jsonl:1", "invalid JSON");
        assertFailure(items.get(1), "a.jsonl:2", "invalid JSON");
        assertEquals("d", ((ArticleInput.Loaded) items.get(2)).article().id());
        assertFailure(items.get(3), "invisible.txt", "empty article");
    }

    @Test
    void whatAFolderHoldsBesidesReadableFilesIsListedNotSkipped(@TempDir Path dir) throws Exception {
        Path news = Files.createDirectories(dir.resolve("news"));
        Files.writeString(news.resolve("a.txt"), "Kyiv said.");
        Files.createSymbolicLink(news.resolve("dangling.txt"), news.resolve("gone.txt"));
        Path sub = Files.createDirectories(news.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("loop"), news);
        Files.writeString(sub.resolve("b.txt"), "Moscow said.");
        Files.createDirectories(news.resolve(".hidden"));
        Files.writeString(news.resolve(".hidden/c.txt"), "Not read.");
        boolean fifo = new ProcessBuilder("mkfifo", news.resolve("pipe.txt").toString()).start().waitFor() == 0;

        List<ArticleInput> items = new ArticleReader().readAll(List.of(news));
        assertInstanceOf(ArticleInput.Loaded.class, items.get(0));
        assertFailure(items.get(1), "dangling.txt", "broken symbolic link");
        int next = 2;
        if (fifo) {
            assertFailure(items.get(next++), "pipe.txt", "not a regular file");
        }
        assertEquals("b", ((ArticleInput.Loaded) items.get(next++)).article().id());
        assertFailure(items.get(next++), "sub/loop", "symbolic link loop");
        assertEquals(next, items.size(), items.toString());
    }

    @Test
    void anUnreadableSubfolderIsAFailureWithItsReasonAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Path locked = Files.createDirectories(dir.resolve("a-locked"));
        Files.writeString(locked.resolve("x.txt"), "Hidden away.");
        Files.writeString(dir.resolve("b.txt"), "Read anyway.");
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "runs as a user that permissions bind (not root)");
            List<ArticleInput> items = new ArticleReader().readAll(List.of(dir));
            assertFailure(items.get(0), "a-locked", "permission denied");
            assertInstanceOf(ArticleInput.Loaded.class, items.get(1));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void duplicateIdsAreFoundAmongManyArticles() {
        IdSet ids = new IdSet();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(ids.add("article-" + i));
        }
        for (int i = 0; i < 100_000; i += 997) {
            assertFalse(ids.add("article-" + i));
        }
    }

    @Test
    void idsThatShareA64BitFnvHashAreStillDistinct() {
        // A pair found by a rho search on FNV-1a 64, which StanceKit used before: the same hash.
        String a = "id-cc275ac4af620a82";
        String b = "id-b2461300a06c37c9";
        assertEquals(fnv1a64(a), fnv1a64(b));
        IdSet ids = new IdSet();
        assertTrue(ids.add(a));
        assertTrue(ids.add(b), "a crafted id does not get another article refused as a duplicate");
        assertFalse(ids.add(a));
    }

    private static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= x & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRecord(RecordReader.Record record, String text, long line) {
        assertEquals(text, new String(record.bytes(), StandardCharsets.UTF_8));
        assertEquals(line, record.line());
    }

    /** The text's UTF-8 bytes with an 0xFF (never UTF-8) inside line {@code line} (from 1). */
    private static byte[] withBadByteOnLine(String text, int line) {
        int at = 0;
        for (int i = 1; i < line; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        byte[] head = text.substring(0, at + 3).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 3).getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(head, head.length + 1 + tail.length);
        out[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, out, head.length + 1, tail.length);
        return out;
    }

    private static void gzip(Path file, String text) throws IOException {
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void assertFailure(ArticleInput item, String location, String reason) {
        ArticleInput.Failed f = assertInstanceOf(ArticleInput.Failed.class, item, item.toString());
        assertTrue(f.location().endsWith(location), f.location());
        assertTrue(f.reason().contains(reason), f.reason());
    }
}
