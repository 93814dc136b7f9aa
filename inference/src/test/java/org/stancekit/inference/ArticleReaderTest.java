package org.stancekit.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
    void lineReaderEndsLinesLikeReadLineAndSkipsOverlongOnes() throws IOException {
        LineReader lines = new LineReader(new java.io.StringReader("a\r\nbb\rccc\n" + "z".repeat(200_000) + "\nlast"), 100_000);
        assertEquals("a", lines.next());
        assertEquals("bb", lines.next());
        assertEquals("ccc", lines.next());
        assertSame(LineReader.TOO_LONG, lines.next());
        assertEquals("last", lines.next());
        assertNull(lines.next());
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
