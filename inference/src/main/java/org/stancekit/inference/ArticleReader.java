package org.stancekit.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.stancekit.domain.Article;

/**
 * Reads articles from the scoring inputs:
 * <ul>
 *   <li>{@code .txt} files, one article each; the file name without extension is its id;</li>
 *   <li>folders of inputs, recursively, in name order (hidden files are skipped);</li>
 *   <li>{@code .csv} files (RFC 4180) with a header row naming the id and text columns, one article a row;</li>
 *   <li>{@code .jsonl} files, one JSON object a line with id and text fields;</li>
 *   <li>any of these compressed with gzip: {@code .txt.gz}, {@code .csv.gz}, {@code .jsonl.gz};</li>
 *   <li>{@value #STDIN} for standard input, read as JSONL (one object a line with id and text).</li>
 * </ul>
 * Column and field names come from {@link ReaderOptions}. An input that cannot be scored (not
 * UTF-8, binary, empty, longer than the limit, a bad row, a duplicate id) becomes an
 * {@link ArticleInput.Failed} item and reading goes on with the next one. One reader reads once;
 * it remembers the ids it has seen.
 */
public final class ArticleReader {

    /** The input name that stands for standard input. */
    public static final String STDIN = "-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STDIN_LOCATION = "<stdin>";

    private final ReaderOptions options;
    private final Supplier<InputStream> stdin;
    private final IdSet seenIds = new IdSet();
    private final AtomicLong bytesRead = new AtomicLong();

    /** A reader with the default options, standard input from {@link System#in}. */
    public ArticleReader() {
        this(ReaderOptions.DEFAULT);
    }

    /** A reader with these options, standard input from {@link System#in}. */
    public ArticleReader(ReaderOptions options) {
        this(options, () -> System.in);
    }

    /** A reader with these options and this standard input (for tests and embedding). */
    public ArticleReader(ReaderOptions options, Supplier<InputStream> stdin) {
        this.options = Objects.requireNonNull(options, "options");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /**
     * Reads every input in order and hands each item to {@code sink}, one at a time, so that memory
     * holds one article (or one row) at once, however large the inputs.
     *
     * @throws IOException when an input path does not exist (a usage error, not a bad article)
     */
    public void read(List<Path> inputs, Consumer<ArticleInput> sink) throws IOException {
        requireExisting(inputs);
        for (Path input : inputs) {
            if (isStdin(input)) {
                readJsonl(new CountingInputStream(stdin.get(), bytesRead), STDIN_LOCATION, sink);
            } else if (Files.isDirectory(input)) {
                for (Path file : filesUnder(input)) {
                    readFile(file, sink);
                }
            } else {
                readFile(input, sink);
            }
        }
    }

    /** Reads all inputs into a list (for tests and small jobs). */
    public List<ArticleInput> readAll(List<Path> inputs) throws IOException {
        List<ArticleInput> all = new ArrayList<>();
        read(inputs, all::add);
        return all;
    }

    /**
     * Bytes consumed from the input files so far (compressed bytes for gzip files), safe to read
     * from any thread; compare with {@link #totalBytes(List)} for a progress fraction.
     */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Fails fast, before any output is opened, when an input path does not exist. */
    public static void requireExisting(List<Path> inputs) throws IOException {
        for (Path input : inputs) {
            if (!isStdin(input) && !Files.exists(input)) {
                throw new NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
    }

    /** The size in bytes of everything {@link #read} will read, or -1 when unknown (standard input). */
    public static long totalBytes(List<Path> inputs) throws IOException {
        long total = 0;
        for (Path input : inputs) {
            if (isStdin(input)) {
                return -1;
            }
            for (Path file : Files.isDirectory(input) ? filesUnder(input) : List.of(input)) {
                total += Files.size(file);
            }
        }
        return total;
    }

    /** True for the input that stands for standard input. */
    public static boolean isStdin(Path input) {
        return input.toString().equals(STDIN);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private void readFile(Path file, Consumer<ArticleInput> sink) {
        InputKind kind = InputKind.of(file).orElse(null);
        if (kind == null) {
            sink.accept(new ArticleInput.Failed(file.toString(), "",
                    "unsupported file type (expected .txt, .csv or .jsonl, optionally .gz)"));
            return;
        }
        String id = kind == InputKind.TEXT ? InputKind.textId(file) : "";
        try (InputStream raw = new CountingInputStream(Files.newInputStream(file), bytesRead);
             InputStream in = InputKind.gzipped(file) ? new GZIPInputStream(raw, 1 << 16) : raw) {
            switch (kind) {
                case TEXT -> readText(in, id, file.toString(), sink);
                case CSV -> readCsv(in, file.toString(), sink);
                case JSONL -> readJsonl(in, file.toString(), sink);
                default -> throw new IllegalStateException(kind.toString());
            }
        } catch (ZipException e) {
            sink.accept(new ArticleInput.Failed(file.toString(), id, "not valid gzip data: " + e.getMessage()));
        } catch (EOFException e) {
            sink.accept(new ArticleInput.Failed(file.toString(), id, "truncated file: " + e.getMessage()));
        } catch (IOException e) {
            sink.accept(new ArticleInput.Failed(file.toString(), id, "cannot read: " + e.getMessage()));
        }
    }

    private void readText(InputStream in, String id, String location, Consumer<ArticleInput> sink) throws IOException {
        // UTF-8 takes at most 4 bytes a character, so more bytes than that are too many characters.
        int byteLimit = (int) Math.min(Integer.MAX_VALUE - 16L, 4L * options.maxArticleChars());
        byte[] bytes = in.readNBytes(byteLimit + 1);
        for (byte b : bytes) {
            if (b == 0) {
                sink.accept(new ArticleInput.Failed(location, id, "binary file (contains NUL bytes)"));
                return;
            }
        }
        if (bytes.length > byteLimit) {
            sink.accept(new ArticleInput.Failed(location, id, tooLong(String.format(Locale.ROOT, "more than %,d", options.maxArticleChars()))));
            return;
        }
        // Decoding leniently is one fast step, and it puts U+FFFD wherever the bytes are not UTF-8,
        // so only text holding U+FFFD (rare: it may also be written on purpose) needs the strict
        // decoder's verdict. Reading the benchmark corpus allocated about as much in the strict
        // decoder's buffers as in the text itself.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !isUtf8(bytes)) {
            sink.accept(new ArticleInput.Failed(location, id, "not valid UTF-8 text"));
            return;
        }
        emit(id, stripBom(text), location, sink);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void readCsv(InputStream in, String file, Consumer<ArticleInput> sink) throws IOException {
        // RFC 4180: a quote inside a field is doubled, and a backslash is an ordinary character
        // (OpenCSV's default parser would take "\\\"" as an escaped quote and misread the row).
        try (CSVReader csv = new CSVReaderBuilder(utf8(in)).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            String[] header = csv.readNext();
            int idColumn = header == null ? -1 : column(header, options.idColumn());
            int textColumn = header == null ? -1 : column(header, options.textColumn());
            if (idColumn < 0 || textColumn < 0) {
                sink.accept(new ArticleInput.Failed(file + ":1", "", "a CSV input needs a header row with '"
                        + options.idColumn() + "' and '" + options.textColumn() + "' columns"));
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
        } catch (CharacterCodingException e) {
            sink.accept(new ArticleInput.Failed(file, "", "not valid UTF-8 text"));
        }
    }

    private void readJsonl(InputStream in, String file, Consumer<ArticleInput> sink) throws IOException {
        // JSON escapes (\\uXXXX) can take six characters for one, so a line may be that much longer than its text.
        int lineLimit = (int) Math.min(Integer.MAX_VALUE - 16L, 6L * options.maxArticleChars() + 65_536);
        LineReader lines = new LineReader(utf8(in), lineLimit);
        long number = 0;
        try {
            String line;
            while ((line = lines.next()) != null) {
                number++;
                String location = file + ":" + number;
                if (line == LineReader.TOO_LONG) {
                    sink.accept(new ArticleInput.Failed(location, "", tooLong(String.format(Locale.ROOT, "far more than %,d", options.maxArticleChars()))));
                } else if (!line.isBlank()) {
                    jsonRow(line, location, sink);
                }
            }
        } catch (CharacterCodingException e) {
            sink.accept(new ArticleInput.Failed(file + ":" + (number + 1), "", "not valid UTF-8 text"));
        }
    }

    private void jsonRow(String line, String location, Consumer<ArticleInput> sink) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            sink.accept(new ArticleInput.Failed(location, "", "invalid JSON"));
            return;
        }
        JsonNode id = node.get(options.idColumn());
        JsonNode text = node.get(options.textColumn());
        if (id == null || text == null || !text.isTextual() || !(id.isTextual() || id.isNumber())) {
            sink.accept(new ArticleInput.Failed(location, "", "expected an object with '" + options.idColumn()
                    + "' and '" + options.textColumn() + "' fields"));
        } else {
            emit(id.asText().strip(), text.asText(), location, sink);
        }
    }

    private void emit(String id, String text, String location, Consumer<ArticleInput> sink) {
        if (id.isEmpty()) {
            sink.accept(new ArticleInput.Failed(location, id, "empty article id"));
        } else if (text.isBlank()) {
            sink.accept(new ArticleInput.Failed(location, id, "empty article"));
        } else if (text.length() > options.maxArticleChars()) {
            sink.accept(new ArticleInput.Failed(location, id, tooLong(String.format(Locale.ROOT, "%,d", text.length()))));
        } else if (!seenIds.add(id)) {
            sink.accept(new ArticleInput.Failed(location, id, "duplicate article id '" + id + "'"));
        } else {
            sink.accept(new ArticleInput.Loaded(new Article(id, text), location));
        }
    }

    private String tooLong(String chars) {
        return String.format(Locale.ROOT, "article too long: %s characters (the limit is %,d; see --max-chars)",
                chars, options.maxArticleChars());
    }

    private static Reader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int column(String[] header, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.length; i++) {
            if (stripBom(header[i].strip()).toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
