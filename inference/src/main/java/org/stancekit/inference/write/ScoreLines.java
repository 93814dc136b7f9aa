package org.stancekit.inference.write;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.runtime.Json;

/**
 * The text of every line of the scoring output files, one place for all their writers: the
 * {@code score} command's {@link ScoreWriter} and the Spark job write exactly these lines. A CSV
 * line is OpenCSV's ({@link ScoreCsvWriter}: quotes only where needed, {@code "} doubled, ending
 * in {@code \n}) of the cells {@link OutputColumns} makes; a JSONL line is one JSON object of the
 * same columns and values (ending in {@code \n}). With {@code spreadsheetSafe}, CSV cells of input
 * text that a spreadsheet would run as a formula get a leading apostrophe ({@link SpreadsheetSafe}).
 *
 * <p>Not thread-safe (one line buffer is reused): one instance per writing thread.
 */
public final class ScoreLines {

    private final OutputColumns columns;
    private final OutputFormat format;
    private final boolean spreadsheetSafe;
    private final StringWriter buffer = new StringWriter(1024);
    private final ScoreCsvWriter csv = new ScoreCsvWriter(buffer);

    /** Lines of {@code format} for a model with these columns. */
    public ScoreLines(OutputColumns columns, OutputFormat format, boolean spreadsheetSafe) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.format = Objects.requireNonNull(format, "format");
        this.spreadsheetSafe = spreadsheetSafe;
    }

    /** The output files' format. */
    public OutputFormat format() {
        return format;
    }

    /** The columns the lines hold. */
    public OutputColumns columns() {
        return columns;
    }

    /** The header line of {@code sentences.csv}; empty for JSONL, whose files have no header. */
    public String sentenceHeader() {
        return header(columns.sentenceHeader());
    }

    /** The header line of {@code articles.csv}; empty for JSONL. */
    public String articleHeader() {
        return header(columns.articleHeader());
    }

    /** The header line of {@code errors.csv}; empty for JSONL. */
    public String errorHeader() {
        return header(OutputColumns.ERROR_COLUMNS);
    }

    private String header(List<String> names) {
        return format == OutputFormat.CSV ? csvLine(names.toArray(String[]::new)) : "";
    }

    /** The lines of an article's sentences, in order. */
    public List<String> sentences(ArticleScore article) {
        List<String> lines = new ArrayList<>(article.sentences().size());
        for (SentenceScore s : article.sentences()) {
            lines.add(sentence(article.articleId(), s));
        }
        return lines;
    }

    /** One sentence's line. */
    public String sentence(String articleId, SentenceScore s) {
        if (format == OutputFormat.JSONL) {
            return jsonLine(columns.sentenceRow(articleId, s));
        }
        String[] cells = columns.sentenceCells(articleId, s);
        if (spreadsheetSafe) {
            cells[0] = SpreadsheetSafe.cell(cells[0]);
            cells[2] = SpreadsheetSafe.cell(cells[2]);
        }
        return csvLine(cells);
    }

    /** An article's line. */
    public String article(ArticleScore article) {
        if (format == OutputFormat.JSONL) {
            return jsonLine(columns.articleRow(article));
        }
        String[] cells = columns.articleCells(article);
        if (spreadsheetSafe) {
            cells[0] = SpreadsheetSafe.cell(cells[0]);
        }
        return csvLine(cells);
    }

    /** The line of an input that could not be scored: input, article id, reason. */
    public String error(ArticleInput.Failed failed) {
        String[] cells = {failed.location(), failed.id(), failed.reason()};
        if (format == OutputFormat.JSONL) {
            // Same fields as the CSV; ids and reasons unchanged, since JSON is never run as a formula.
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(OutputColumns.ERROR_COLUMNS.get(i), cells[i]);
            }
            return jsonLine(row);
        }
        if (spreadsheetSafe) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = SpreadsheetSafe.cell(cells[i]);
            }
        }
        return csvLine(cells);
    }

    private String csvLine(String[] cells) {
        buffer.getBuffer().setLength(0);
        csv.writeNext(cells, false);
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: a StringWriter does not fail", e);
        }
        return buffer.toString();
    }

    private static String jsonLine(Map<String, Object> row) {
        try {
            return Json.MAPPER.writeValueAsString(row) + '\n';
        } catch (IOException e) {
            throw new UncheckedIOException("a row of strings and numbers is always JSON", e);
        }
    }
}
