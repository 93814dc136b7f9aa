package org.stancekit.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes scoring results into an output folder: sentences and articles (CSV or JSONL) and
 * {@code errors.csv} (input, article id, reason). Every file is written under a temporary name
 * and renamed into place by {@link #commit()}, so a crashed or interrupted run never leaves a
 * truncated file under a final name, and an earlier run's complete files are not touched until
 * the new ones are complete.
 */
public final class ScoreWriter implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputColumns columns;
    private final OutputFormat format;
    private final List<Path[]> pending = new ArrayList<>(); // {temporary, final}
    private final Writer sentences;
    private final Writer articles;
    private final CSVWriter sentencesCsv;
    private final CSVWriter articlesCsv;
    private final CSVWriter errors;
    private boolean committed;

    /** Opens the output files in {@code dir} (created when missing). */
    public ScoreWriter(Path dir, OutputColumns columns, OutputFormat format) throws IOException {
        this.columns = columns;
        this.format = format;
        Files.createDirectories(dir);
        String ext = format == OutputFormat.CSV ? ".csv" : ".jsonl";
        sentences = open(dir.resolve("sentences" + ext));
        articles = open(dir.resolve("articles" + ext));
        errors = new CSVWriter(open(dir.resolve("errors.csv")));
        errors.writeNext(new String[] {"input", "article_id", "reason"}, false);
        if (format == OutputFormat.CSV) {
            sentencesCsv = new CSVWriter(sentences);
            articlesCsv = new CSVWriter(articles);
            sentencesCsv.writeNext(columns.sentenceHeader().toArray(String[]::new), false);
            articlesCsv.writeNext(columns.articleHeader().toArray(String[]::new), false);
        } else {
            sentencesCsv = null;
            articlesCsv = null;
        }
    }

    private Writer open(Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        pending.add(new Path[] {tmp, target});
        return new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes one scored article: its sentence rows and its article row. */
    public void write(ArticleScore article) throws IOException {
        for (SentenceScore s : article.sentences()) {
            row(columns.sentenceRow(article.articleId(), s), sentencesCsv, sentences);
        }
        row(columns.articleRow(article), articlesCsv, articles);
    }

    /** Records an input that could not be scored. */
    public void error(ArticleInput.Failed failed) {
        errors.writeNext(new String[] {failed.location(), failed.id(), failed.reason()}, false);
    }

    private void row(Map<String, Object> row, CSVWriter csv, Writer out) throws IOException {
        if (format == OutputFormat.CSV) {
            csv.writeNext(row.values().stream().map(OutputColumns::cell).toArray(String[]::new), false);
        } else {
            out.write(JSON.writeValueAsString(row));
            out.write('\n');
        }
    }

    /** Flushes and renames every file into place. */
    public void commit() throws IOException {
        closeAll();
        for (Path[] p : pending) {
            Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    private void closeAll() throws IOException {
        if (sentencesCsv != null) {
            sentencesCsv.close();
            articlesCsv.close();
        } else {
            sentences.close();
            articles.close();
        }
        errors.close();
    }

    /** Without a prior {@link #commit()}, discards the temporary files and leaves earlier output alone. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                closeAll();
            } finally {
                for (Path[] p : pending) {
                    Files.deleteIfExists(p[0]);
                }
            }
        }
    }
}
