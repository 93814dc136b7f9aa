package org.stancekit.inference.write;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.inference.read.ArticleInput;

/**
 * Writes scoring results into an output folder: sentences and articles (CSV or JSONL), the
 * inputs that could not be scored ({@code errors.csv}, or {@code errors.jsonl} beside JSONL:
 * input, article id, reason) and, on request, {@code articles.html} ({@link ArticlePage}). Every file is written under a temporary name
 * ({@code .NAME.partial}) and renamed into place by {@link #commit()}, so a crashed or
 * interrupted run never leaves a truncated file under a final name, and an earlier run's complete
 * files are not touched until the new ones are complete.
 *
 * <p>For resumable runs, {@link #checkpoint()} makes everything written so far durable and
 * returns each file's length; {@link #resume} reopens the temporary files cut back to such
 * lengths, dropping whatever a crash left after the checkpoint, and appends from there.
 */
public final class ScoreWriter implements Closeable {

    /** Keys of {@link #checkpoint()}'s map. */
    static final String SENTENCES = "sentences";
    static final String ARTICLES = "articles";
    static final String ERRORS = "errors";
    static final String HTML = "html";

    private final ScoreLines lines;
    private final List<Output> outputs = new ArrayList<>();
    private final Output sentences;
    private final Output articles;
    private final Output errors;
    private final ArticlePage page;
    private boolean committed;
    private boolean keepPartial;

    /** One output file: its final name, its temporary name, its channel and the writer over it. */
    private record Output(String key, Path target, Path partial, FileChannel channel, Writer writer) {
    }

    /** Opens fresh output files in {@code dir} (created when missing). */
    public ScoreWriter(Path dir, OutputColumns columns, OutputFormat format) throws IOException {
        this(dir, columns, format, false, false, null, 0);
    }

    /**
     * Opens fresh output files in {@code dir} (created when missing); with {@code spreadsheetSafe},
     * CSV cells holding input text that a spreadsheet would run as a formula are written as text
     * ({@link SpreadsheetSafe}).
     */
    public ScoreWriter(Path dir, OutputColumns columns, OutputFormat format, boolean spreadsheetSafe) throws IOException {
        this(dir, columns, format, spreadsheetSafe, false, null, 0);
    }

    /**
     * Opens fresh output files in {@code dir} (created when missing), with {@code articles.html}
     * besides when {@code html} is set.
     */
    public ScoreWriter(Path dir, OutputColumns columns, OutputFormat format, boolean spreadsheetSafe, boolean html)
            throws IOException {
        this(dir, columns, format, spreadsheetSafe, html, null, 0);
    }

    /**
     * Reopens the temporary files of an interrupted run, each cut back to the length a checkpoint
     * recorded, and appends after them.
     *
     * @param lengths file lengths by key, as {@link #checkpoint()} returned them
     * @throws IOException when a temporary file is missing or shorter than recorded
     */
    public static ScoreWriter resume(Path dir, OutputColumns columns, OutputFormat format, boolean spreadsheetSafe,
                                     Map<String, Long> lengths) throws IOException {
        return new ScoreWriter(dir, columns, format, spreadsheetSafe, false, lengths, 0);
    }

    /**
     * As {@link #resume(Path, OutputColumns, OutputFormat, boolean, Map)}, with {@code articles.html}
     * when {@code html} is set; the page goes on from the {@code articlesWritten} articles the
     * interrupted run had written at its checkpoint.
     */
    public static ScoreWriter resume(Path dir, OutputColumns columns, OutputFormat format, boolean spreadsheetSafe,
                                     boolean html, Map<String, Long> lengths, long articlesWritten) throws IOException {
        return new ScoreWriter(dir, columns, format, spreadsheetSafe, html, lengths, articlesWritten);
    }

    private ScoreWriter(Path dir, OutputColumns columns, OutputFormat format, boolean spreadsheetSafe, boolean html,
                        Map<String, Long> resumeAt, long articlesWritten) throws IOException {
        this.lines = new ScoreLines(columns, format, spreadsheetSafe);
        Files.createDirectories(dir);
        String ext = format == OutputFormat.CSV ? ".csv" : ".jsonl";
        try {
            sentences = open(SENTENCES, dir.resolve("sentences" + ext), resumeAt);
            articles = open(ARTICLES, dir.resolve("articles" + ext), resumeAt);
            errors = open(ERRORS, dir.resolve("errors" + ext), resumeAt);
            page = html ? new ArticlePage(open(HTML, dir.resolve("articles.html"), resumeAt).writer(), columns.schema(),
                    ArticlePage.DEFAULT_LIMIT, articlesWritten) : null;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        if (resumeAt == null) {
            // Empty for JSONL, whose files have no header.
            errors.writer().write(lines.errorHeader());
            sentences.writer().write(lines.sentenceHeader());
            articles.writer().write(lines.articleHeader());
            if (page != null) {
                page.begin();
            }
        }
    }

    private Output open(String key, Path target, Map<String, Long> resumeAt) throws IOException {
        Path partial = partialName(target);
        FileChannel channel;
        if (resumeAt == null) {
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Long length = resumeAt.get(key);
            if (length == null || !Files.isRegularFile(partial) || Files.size(partial) < length) {
                throw new IOException("cannot resume: " + partial + " is missing or shorter than its checkpoint");
            }
            channel = FileChannel.open(partial, StandardOpenOption.WRITE);
            // Whatever follows the checkpoint was written after it and may end mid-row: drop it.
            channel.truncate(length);
            channel.position(length);
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        Output out = new Output(key, target, partial, channel, writer);
        outputs.add(out);
        return out;
    }

    /** The temporary name a final output file is written under. */
    static Path partialName(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    /** Writes one scored article: its sentence rows and its article row ({@link ScoreLines}). */
    public void write(ArticleScore article) throws IOException {
        Writer out = sentences.writer();
        for (SentenceScore s : article.sentences()) {
            out.write(lines.sentence(article.articleId(), s));
        }
        articles.writer().write(lines.article(article));
        if (page != null) {
            page.add(article);
        }
    }

    /** Records an input that could not be scored. */
    public void error(ArticleInput.Failed failed) throws IOException {
        errors.writer().write(lines.error(failed));
    }

    /**
     * Makes everything written so far durable (flushed and forced to disk) and returns each
     * temporary file's length, to be recorded as a resume point.
     */
    public Map<String, Long> checkpoint() throws IOException {
        flushWriters();
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (Output o : outputs) {
            o.channel().force(false);
            lengths.put(o.key(), o.channel().position());
        }
        return lengths;
    }

    /** Keeps the temporary files when closed without a commit, for a later resume. */
    public void keepPartialFiles() {
        keepPartial = true;
    }

    /** Flushes and renames every file into place. */
    public void commit() throws IOException {
        if (page != null) {
            page.end();
        }
        flushWriters();
        closeAll();
        for (Output o : outputs) {
            Files.move(o.partial(), o.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    private void flushWriters() throws IOException {
        for (Output o : outputs) {
            o.writer().flush();
        }
    }

    private void closeAll() throws IOException {
        IOException first = null;
        for (Output o : outputs) {
            try {
                o.writer().close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeQuietly() {
        for (Output o : outputs) {
            try {
                o.channel().close();
                Files.deleteIfExists(o.partial());
            } catch (IOException ignored) {
                // Cleaning up after a failed open; the open's exception is the one to report.
            }
        }
    }

    /**
     * Without a prior {@link #commit()}, closes the files and discards them, leaving earlier output
     * alone; after {@link #keepPartialFiles()}, closes them and leaves them for a resume.
     */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            closeAll();
        } finally {
            if (!keepPartial) {
                for (Output o : outputs) {
                    Files.deleteIfExists(o.partial());
                }
            }
        }
    }
}
