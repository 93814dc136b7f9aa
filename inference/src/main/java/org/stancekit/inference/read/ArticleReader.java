package org.stancekit.inference.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
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
 * it remembers the ids it has seen. Each format has its reader ({@link TextFormatReader},
 * {@link CsvFormatReader}, {@link JsonlFormatReader}); this class walks the inputs, opens and
 * decompresses each, and picks the format by its extension.
 */
public final class ArticleReader {

    /** The input name that stands for standard input. */
    public static final String STDIN = "-";

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
        ArticleSink out = new ArticleSink(options, seenIds, sink);
        for (Path input : inputs) {
            if (isStdin(input)) {
                new JsonlFormatReader().read(new CountingInputStream(stdin.get(), bytesRead), STDIN_LOCATION, out);
            } else if (Files.isDirectory(input)) {
                for (FolderWalk.Entry entry : FolderWalk.list(input)) {
                    if (entry.readable()) {
                        readFile(entry.path(), out);
                    } else {
                        out.failed(entry.path().toString(), "", entry.problem());
                    }
                }
            } else {
                readFile(input, out);
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

    /**
     * The files {@link #read} reads for {@code input} (a file, or a folder walked recursively with
     * hidden entries skipped), in the order it reads them, with the problem of each path it cannot
     * read: for a reader that spreads the files over several machines and reads each with
     * {@link #read(String, String, InputStream, Consumer)}.
     */
    public static List<InputFile> files(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return List.of(new InputFile(input, null));
        }
        List<InputFile> files = new ArrayList<>();
        for (FolderWalk.Entry entry : FolderWalk.list(input)) {
            files.add(new InputFile(entry.path(), entry.problem()));
        }
        return files;
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

    private void readFile(Path file, ArticleSink out) {
        readStream(file.getFileName().toString(), file.toString(),
                () -> new CountingInputStream(Files.newInputStream(file), bytesRead), out);
    }

    /**
     * Reads one input that is not a local file (a file of HDFS or S3 that Spark opened) exactly as
     * a file of that name is read: its extension picks the format, {@code .gz} is decompressed, a
     * text file's name is its article's id, and every shared check applies (ids unique across
     * everything this reader has read). The stream is not closed.
     *
     * @param fileName the file's name, without folders (it decides the format and a text file's id)
     * @param location where the input is, as failures and articles are to be located
     */
    public void read(String fileName, String location, InputStream in, Consumer<ArticleInput> sink) {
        readStream(fileName, location, () -> new NotClosed(in), new ArticleSink(options, seenIds, sink));
    }

    /**
     * The shared checks (a non-empty id, once only within this reader; text with letters or
     * digits, within the length limit) applied to an article that comes from a table rather than
     * a file, a row of a Spark Dataset: the id is stripped of surrounding white space as a CSV
     * cell's is. Returns the item a file reader would hand on.
     */
    public ArticleInput check(String id, String text, String location) {
        ArticleInput[] item = new ArticleInput[1];
        new ArticleSink(options, seenIds, i -> item[0] = i).article(id.strip(), text, location);
        return item[0];
    }

    /** Opens an input. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /** A stream whose {@code close} leaves the stream it wraps open (the caller owns that one). */
    private static final class NotClosed extends FilterInputStream {
        NotClosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // The caller closes the stream it handed in.
        }
    }

    private static void readStream(String fileName, String location, Opener opener, ArticleSink out) {
        InputKind kind = InputKind.of(fileName).orElse(null);
        if (kind == null) {
            out.failed(location, "", "unsupported file type (expected .txt, .csv or .jsonl, optionally .gz)");
            return;
        }
        String id = kind == InputKind.TEXT ? InputKind.textId(fileName) : "";
        FormatReader format = switch (kind) {
            case TEXT -> new TextFormatReader(id);
            case CSV -> new CsvFormatReader();
            case JSONL -> new JsonlFormatReader();
        };
        try (InputStream raw = opener.open();
             InputStream in = InputKind.gzipped(fileName) ? new GZIPInputStream(raw, 1 << 16) : raw) {
            format.read(in, location, out);
        } catch (ZipException e) {
            out.failed(location, id, "not valid gzip data: " + e.getMessage());
        } catch (EOFException e) {
            out.failed(location, id, "truncated file: " + e.getMessage());
        } catch (IOException e) {
            out.failed(location, id, "cannot read: " + Failures.reason(e));
        }
    }
}
