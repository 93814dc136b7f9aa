package org.stancekit.training;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Split;

/**
 * Reads a labelled CSV table (UTF-8, RFC 4180, a header row naming its columns, {@code .gz}
 * decompressed) into rows of one type, for both labelled files: sentences
 * ({@link LabelledCsvReader}) and articles ({@link LabelledArticleReader}). Extra columns are
 * ignored; every bad row is reported as {@code file:line: reason}, up to
 * {@value LabelledCsvReader#MAX_PROBLEMS} of them, so that a user fixes a file in one pass.
 *
 * @param <T> the row type
 */
final class LabelledTable<T> {

    /** Turns one row into a value; throws IllegalArgumentException with the reason a row is bad. */
    @FunctionalInterface
    interface RowParser<T> {
        T parse(String[] row, Map<String, Integer> columns);
    }

    private final List<String> required;
    private final RowParser<T> parser;
    private final Function<T, String> key;

    /**
     * @param required the columns the header must name (lower case), each once
     * @param parser turns a row into a value
     * @param key the value's unique key (a duplicate is a bad row)
     */
    LabelledTable(List<String> required, RowParser<T> parser, Function<T, String> key) {
        this.required = List.copyOf(required);
        this.parser = parser;
        this.key = key;
    }

    /** Reads a file; bytes that are not UTF-8 and damaged gzip data are reported with their line. */
    List<T> read(Path file) throws IOException {
        try (Reader in = new InputStreamReader(open(file), StandardCharsets.UTF_8.newDecoder())) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(List.of(file + ": no such file"));
        } catch (CharacterCodingException | ZipException | EOFException e) {
            TextDamage.Found damage = TextDamage.locate(() -> open(file), "not readable: " + e);
            throw new DatasetFormatException(List.of(file + ":" + damage.line() + ": " + damage.reason()));
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (!file.toString().endsWith(".gz")) {
            return in;
        }
        try {
            return new GZIPInputStream(in);
        } catch (IOException e) {
            in.close(); // not a gzip file: the caller never gets the stream to close
            throw e;
        }
    }

    /** Reads CSV text; {@code origin} names it in messages. */
    List<T> read(Reader in, String origin) throws IOException {
        List<String> problems = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        try (CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new DatasetFormatException(List.of(origin + ":1: empty file, expected a header row"));
            }
            Map<String, Integer> columns = columns(header, origin);
            Set<String> keys = new HashSet<>();
            long line = csv.getLinesRead() + 1;
            String[] row;
            while ((row = csv.readNext()) != null && problems.size() < LabelledCsvReader.MAX_PROBLEMS) {
                if (!(row.length == 1 && row[0].isBlank())) {
                    try {
                        if (row.length != header.length) {
                            throw new IllegalArgumentException("expected " + header.length
                                    + " fields as in the header, found " + row.length);
                        }
                        T value = parser.parse(row, columns);
                        if (!keys.add(key.apply(value))) {
                            throw new IllegalArgumentException("duplicate " + required.get(0) + " '"
                                    + LabelledCsvReader.shown(key.apply(value)) + "'");
                        }
                        rows.add(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(origin + ":" + line + ": " + e.getMessage());
                    }
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (CsvException e) {
            problems.add(origin + ":" + e.getLineNumber() + ": malformed CSV: "
                    + LabelledCsvReader.shown(e.getMessage(), 4 * LabelledCsvReader.SHOWN));
        } catch (com.opencsv.exceptions.CsvMalformedLineException e) {
            problems.add(origin + ":" + e.getLineNumber() + ": malformed CSV: "
                    + LabelledCsvReader.shown(e.getMessage(), 4 * LabelledCsvReader.SHOWN));
        }
        if (!problems.isEmpty()) {
            throw new DatasetFormatException(problems);
        }
        return rows;
    }

    private Map<String, Integer> columns(String[] header, String origin) throws DatasetFormatException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // a byte-order mark left by spreadsheet exports
            }
            Integer earlier = index.putIfAbsent(name, i);
            if (earlier != null && required.contains(name)) {
                // Which of two "text" columns holds the text? Guessing would train on the wrong one.
                throw new DatasetFormatException(List.of(origin + ":1: column '" + name + "' appears twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + "); each required column must appear once"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!index.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException(List.of(origin + ":1: missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (expected " + String.join(",", required) + ")"));
        }
        return index;
    }

    /** The stance labels of a row, one per party of {@code schema}, from the parties' columns. */
    static List<String> stances(String[] row, Map<String, Integer> columns, LabelSchema schema) {
        List<String> stances = new ArrayList<>();
        for (String party : schema.parties()) {
            String column = LabelSchema.column(party);
            stances.add(label(row[columns.get(column)], schema.stances(), "stance", column));
        }
        return stances;
    }

    /** A row's {@code split} column. */
    static Split split(String[] row, Map<String, Integer> columns) {
        try {
            return Split.parse(row[columns.get("split")]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + LabelledCsvReader.shown(row[columns.get("split")])
                    + "' in column 'split' (expected train, dev or test)");
        }
    }

    /** A row's key and text, both stripped and not empty. */
    record KeyAndText(String key, String text) {
    }

    /** A row's key (its {@code key} column) and text (its {@code text} column). */
    static KeyAndText keyAndText(String[] row, Map<String, Integer> columns, String key) {
        String value = row[columns.get(key)].strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + key);
        }
        String text = row[columns.get("text")].strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty text (" + key + " " + LabelledCsvReader.shown(value) + ")");
        }
        return new KeyAndText(value, text);
    }

    /** A label from the file, upper-cased and checked against {@code allowed}. */
    static String label(String raw, List<String> allowed, String kind, String column) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("unknown " + kind + " label '" + LabelledCsvReader.shown(raw)
                    + "' in column '" + column + "' (expected one of " + String.join(", ", allowed) + ")");
        }
        return value;
    }
}
