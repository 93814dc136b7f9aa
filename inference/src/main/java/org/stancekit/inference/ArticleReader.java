package org.stancekit.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stancekit.domain.Article;

/**
 * Reads articles from the scoring inputs: {@code .txt} files (one article each, the file name
 * without extension is its id), folders of them (recursively, in name order), and {@code .csv}
 * or {@code .jsonl} files with {@code id} and {@code text} columns or fields (one article per
 * row). An input that cannot be read (not UTF-8, binary, empty, a bad row, a duplicate id)
 * becomes an {@link ArticleInput.Failed} item and reading goes on with the next one.
 */
public final class ArticleReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> seenIds = new HashSet<>();

    /**
     * Reads every input in order and hands each item to {@code sink}, one at a time, so that memory
     * holds one article (or one CSV row) at once, however large the inputs.
     *
     * @throws IOException when an input path does not exist (a usage error, not a bad article)
     */
    public void read(List<Path> inputs, Consumer<ArticleInput> sink) throws IOException {
        requireExisting(inputs);
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().toList();
                }
                for (Path file : files) {
                    readFile(file, sink);
                }
            } else {
                readFile(input, sink);
            }
        }
    }

    /** Fails fast, before any output is opened, when an input path does not exist. */
    public static void requireExisting(List<Path> inputs) throws IOException {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
    }

    private void readFile(Path file, Consumer<ArticleInput> sink) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".txt")) {
                readText(file, sink);
            } else if (name.endsWith(".csv")) {
                readCsv(file, sink);
            } else if (name.endsWith(".jsonl")) {
                readJsonl(file, sink);
            } else {
                sink.accept(new ArticleInput.Failed(file.toString(), "", "unsupported file type (expected .txt, .csv or .jsonl)"));
            }
        } catch (IOException e) {
            sink.accept(new ArticleInput.Failed(file.toString(), "", "cannot read: " + e.getMessage()));
        }
    }

    private void readText(Path file, Consumer<ArticleInput> sink) throws IOException {
        String fileName = file.getFileName().toString();
        String id = fileName.substring(0, fileName.length() - ".txt".length());
        byte[] bytes = Files.readAllBytes(file);
        String location = file.toString();
        for (byte b : bytes) {
            if (b == 0) {
                sink.accept(new ArticleInput.Failed(location, id, "binary file (contains NUL bytes)"));
                return;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            sink.accept(new ArticleInput.Failed(location, id, "not valid UTF-8 text"));
            return;
        }
        emit(id, text.startsWith("\uFEFF") ? text.substring(1) : text, location, sink);
    }

    private void readCsv(Path file, Consumer<ArticleInput> sink) throws IOException {
        try (CSVReader csv = new CSVReaderBuilder(Files.newBufferedReader(file, StandardCharsets.UTF_8)).build()) {
            String[] header = csv.readNext();
            int idColumn = header == null ? -1 : column(header, "id");
            int textColumn = header == null ? -1 : column(header, "text");
            if (idColumn < 0 || textColumn < 0) {
                sink.accept(new ArticleInput.Failed(file + ":1", "", "a CSV input needs a header row with 'id' and 'text' columns"));
                return;
            }
            long line = csv.getLinesRead() + 1;
            String[] row;
            while ((row = csv.readNext()) != null) {
                String location = file + ":" + line;
                if (row.length <= Math.max(idColumn, textColumn)) {
                    sink.accept(new ArticleInput.Failed(location, "", "expected " + header.length + " fields, found " + row.length));
                } else {
                    emit(row[idColumn].strip(), row[textColumn], location, sink);
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (CsvException e) {
            sink.accept(new ArticleInput.Failed(file + ":" + e.getLineNumber(), "", "malformed CSV: " + e.getMessage()));
        } catch (java.nio.charset.MalformedInputException e) {
            sink.accept(new ArticleInput.Failed(file.toString(), "", "not valid UTF-8 text"));
        }
    }

    private void readJsonl(Path file, Consumer<ArticleInput> sink) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String location = file + ":" + number;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    sink.accept(new ArticleInput.Failed(location, "", "invalid JSON"));
                    continue;
                }
                JsonNode id = node.get("id");
                JsonNode text = node.get("text");
                if (id == null || text == null || !text.isTextual() || !(id.isTextual() || id.isNumber())) {
                    sink.accept(new ArticleInput.Failed(location, "", "expected an object with 'id' and 'text' fields"));
                } else {
                    emit(id.asText().strip(), text.asText(), location, sink);
                }
            }
        } catch (CharacterCodingException e) {
            sink.accept(new ArticleInput.Failed(file.toString(), "", "not valid UTF-8 text"));
        }
    }

    private void emit(String id, String text, String location, Consumer<ArticleInput> sink) {
        if (id.isEmpty()) {
            sink.accept(new ArticleInput.Failed(location, id, "empty article id"));
        } else if (text.isBlank()) {
            sink.accept(new ArticleInput.Failed(location, id, "empty article"));
        } else if (!seenIds.add(id)) {
            sink.accept(new ArticleInput.Failed(location, id, "duplicate article id '" + id + "'"));
        } else {
            sink.accept(new ArticleInput.Loaded(new Article(id, text), location));
        }
    }

    private static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            String h = header[i].strip().toLowerCase(Locale.ROOT);
            if (h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Reads all inputs into a list (for tests and small jobs). */
    public List<ArticleInput> readAll(List<Path> inputs) throws IOException {
        List<ArticleInput> all = new ArrayList<>();
        read(inputs, all::add);
        return all;
    }
}
