package org.stancekit.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static void assertFailure(ArticleInput item, String location, String reason) {
        ArticleInput.Failed f = assertInstanceOf(ArticleInput.Failed.class, item, item.toString());
        assertTrue(f.location().endsWith(location), f.location());
        assertTrue(f.reason().contains(reason), f.reason());
    }
}
