package org.stancekit.inference.read;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.stancekit.domain.Article;
import org.stancekit.runtime.Failures;

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

    /** Refuses a line with anything after its object: "{...} trailing" is not one JSON value. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
                for (FolderWalk.Entry entry : FolderWalk.list(input)) {
                    if (entry.readable()) {
                        readFile(entry.path(), sink);
                    } else {
                        sink.accept(new ArticleInput.Failed(entry.path().toString(), "", entry.problem()));
                    }
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
            if (Files.isDirectory(input)) {
                for (FolderWalk.Entry entry : FolderWalk.list(input)) {
                    total += entry.readable() ? Files.size(entry.path()) : 0;
                }
            } else {
                total += Files.size(input);
            }
        }
        return total;
    }

    /** True for the input that stands for standard input. */
    public static boolean isStdin(Path input) {
        return input.toString().equals(STDIN);
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
            sink.accept(new ArticleInput.Failed(file.toString(), id, "cannot read: " + Failures.reason(e)));
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
        String text = utf8(bytes);
        if (text == null) {
            sink.accept(new ArticleInput.Failed(location, id, "not valid UTF-8 text"));
            return;
        }
        emit(id, stripBom(text), location, sink);
    }

    /** The bytes as text, or null when they are not UTF-8. */
    private static String utf8(byte[] bytes) {
        // Decoding leniently is one fast step, and it puts U+FFFD wherever the bytes are not UTF-8,
        // so only text holding U+FFFD (rare: it may also be written on purpose) needs the strict
        // decoder's verdict. Reading the benchmark corpus allocated about as much in the strict
        // decoder's buffers as in the text itself.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void readCsv(InputStream in, String file, Consumer<ArticleInput> sink) throws IOException {
        // A quote doubles in a field and any character may be held as UTF-8 in up to four bytes.
        RecordReader records = new RecordReader(in, RecordReader.Mode.CSV, recordByteLimit(8));
        // RFC 4180: a quote inside a field is doubled, and a backslash is an ordinary character
        // (OpenCSV's default parser would take "\\\"" as an escaped quote and misread the row).
        // Each record is whole, so the parser never carries a pending field from one to the next.
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        String[] header = null;
        int idColumn = -1;
        int textColumn = -1;
        RecordReader.Record record;
        while ((record = records.next()) != null) {
            String location = file + ":" + record.line();
            String[] row = record.isEmpty() ? null : csvFields(record, parser, location, sink);
            if (row == null) {
                continue;
            }
            if (header == null) {
                header = row;
                idColumn = column(header, options.idColumn());
                textColumn = column(header, options.textColumn());
                if (idColumn < 0 || textColumn < 0) {
                    sink.accept(new ArticleInput.Failed(location, "", "a CSV input needs a header row with '"
                            + options.idColumn() + "' and '" + options.textColumn() + "' columns"));
                    return;
                }
            } else if (row.length <= Math.max(idColumn, textColumn)) {
                sink.accept(new ArticleInput.Failed(location, "", "expected " + header.length + " fields, found " + row.length));
            } else {
                emit(row[idColumn].strip(), row[textColumn], location, sink);
            }
        }
        if (header == null) {
            sink.accept(new ArticleInput.Failed(file, "", "empty CSV input (no header row)"));
        }
    }

    /** A CSV record's fields, or null when the record was reported as a failure. */
    private String[] csvFields(RecordReader.Record record, RFC4180Parser parser, String location, Consumer<ArticleInput> sink)
            throws IOException {
        // A broken quote comes first: it explains the rows this record swallowed, whatever else is wrong in it.
        if (record.unterminated()) {
            sink.accept(new ArticleInput.Failed(location, "", "malformed CSV: a quoted field is never closed (it runs to the end of the file)"));
            return null;
        }
        if (record.textAfterQuote()) {
            sink.accept(new ArticleInput.Failed(location, "", "malformed CSV: text follows a closing quote "
                    + "(a stray quote in an unquoted field may have joined several lines into this row)"));
            return null;
        }
        String text = decode(record, location, sink);
        return text == null ? null : parser.parseLine(text);
    }

    private void readJsonl(InputStream in, String file, Consumer<ArticleInput> sink) throws IOException {
        // JSON escapes (\\uXXXX) take six bytes for one character.
        RecordReader records = new RecordReader(in, RecordReader.Mode.LINES, recordByteLimit(6));
        RecordReader.Record record;
        while ((record = records.next()) != null) {
            String location = file + ":" + record.line();
            String line = decode(record, location, sink);
            if (line != null && !line.isBlank()) {
                jsonRow(line, location, sink);
            }
        }
    }

    /** The most bytes a record may take to hold an article of the longest accepted length, and then some. */
    private int recordByteLimit(int bytesPerChar) {
        return (int) Math.min(Integer.MAX_VALUE - 16L, (long) bytesPerChar * options.maxArticleChars() + 65_536);
    }

    /** A record's text, or null when it is too long or not UTF-8 (reported to {@code sink}). */
    private String decode(RecordReader.Record record, String location, Consumer<ArticleInput> sink) {
        if (record.tooLong()) {
            sink.accept(new ArticleInput.Failed(location, "", tooLong(String.format(Locale.ROOT, "far more than %,d", options.maxArticleChars()))));
            return null;
        }
        String text = utf8(record.bytes());
        if (text == null) {
            sink.accept(new ArticleInput.Failed(location, "", "not valid UTF-8 text"));
            return null;
        }
        // A byte-order mark may open a file; it is no part of the first record.
        return record.line() == 1 ? stripBom(text) : text;
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
        } else if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Blank, or only invisible characters (zero-width spaces, byte-order marks) or punctuation.
            sink.accept(new ArticleInput.Failed(location, id, "empty article (no letters or digits)"));
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
