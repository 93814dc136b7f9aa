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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;

/**
 * Reads a labelled-sentence CSV (UTF-8, RFC 4180, header row) with the columns
 * {@code id,source,doc_id,position,text,<party>...,sentiment,split}; extra columns are ignored.
 * Every bad row is reported as {@code file:line: reason} (unknown label, missing column, empty
 * text, unknown split, duplicate id), up to {@value #MAX_PROBLEMS} of them, so that a user fixes a
 * file in one pass instead of one error per run. Labels are case-insensitive.
 */
public final class LabelledCsvReader {

    /** Problems listed at most before reading stops. */
    public static final int MAX_PROBLEMS = 25;
    /** Characters of a value from the file a message shows at most. */
    static final int SHOWN = 80;

    private final LabelSchema schema;

    /** A reader for files labelled with {@code schema}. */
    public LabelledCsvReader(LabelSchema schema) {
        this.schema = schema;
    }

    /**
     * Reads and validates a file ({@code .gz} files are decompressed). Bytes that are not UTF-8
     * and damaged gzip data are reported with the line where they are.
     */
    public Dataset read(Path file) throws IOException {
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

    /** Reads and validates CSV text; {@code origin} names it in messages. */
    public Dataset read(Reader in, String origin) throws IOException {
        List<String> problems = new ArrayList<>();
        List<LabelledSentence> rows = new ArrayList<>();
        try (CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new DatasetFormatException(List.of(origin + ":1: empty file, expected a header row"));
            }
            Map<String, Integer> columns = columns(header, origin);
            Set<String> ids = new HashSet<>();
            long line = csv.getLinesRead() + 1;
            String[] row;
            while ((row = csv.readNext()) != null && problems.size() < MAX_PROBLEMS) {
                if (!(row.length == 1 && row[0].isBlank())) {
                    try {
                        LabelledSentence s = parse(row, header.length, columns);
                        if (!ids.add(s.id())) {
                            throw new IllegalArgumentException("duplicate id '" + shown(s.id()) + "'");
                        }
                        rows.add(s);
                    } catch (IllegalArgumentException e) {
                        problems.add(origin + ":" + line + ": " + e.getMessage());
                    }
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (CsvException e) {
            problems.add(origin + ":" + e.getLineNumber() + ": malformed CSV: " + shown(e.getMessage(), 4 * SHOWN));
        } catch (com.opencsv.exceptions.CsvMalformedLineException e) {
            problems.add(origin + ":" + e.getLineNumber() + ": malformed CSV: " + shown(e.getMessage(), 4 * SHOWN));
        }
        if (!problems.isEmpty()) {
            throw new DatasetFormatException(problems);
        }
        return new Dataset(origin, schema, rows);
    }

    private Map<String, Integer> columns(String[] header, String origin) throws DatasetFormatException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().toLowerCase(Locale.ROOT);
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1); // a byte-order mark left by spreadsheet exports
            }
            Integer earlier = index.putIfAbsent(name, i);
            if (earlier != null && requiredColumns().contains(name)) {
                // Which of two "text" columns holds the text? Guessing would train on the wrong one.
                throw new DatasetFormatException(List.of(origin + ":1: column '" + name + "' appears twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + "); each required column must appear once"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : requiredColumns()) {
            if (!index.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException(List.of(origin + ":1: missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (expected " + String.join(",", requiredColumns()) + ")"));
        }
        return index;
    }

    /** The columns a labelled file must have, in the documented order. */
    public List<String> requiredColumns() {
        List<String> cols = new ArrayList<>(List.of("id", "source", "doc_id", "position", "text"));
        schema.parties().forEach(p -> cols.add(LabelSchema.column(p)));
        cols.add("sentiment");
        cols.add("split");
        return cols;
    }

    private LabelledSentence parse(String[] row, int width, Map<String, Integer> columns) {
        if (row.length != width) {
            throw new IllegalArgumentException("expected " + width + " fields as in the header, found " + row.length);
        }
        String id = row[columns.get("id")].strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty id");
        }
        String text = row[columns.get("text")].strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty text (id " + shown(id) + ")");
        }
        int position;
        try {
            position = Integer.parseInt(row[columns.get("position")].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("position '" + shown(row[columns.get("position")]) + "' is not a whole number");
        }
        List<String> stances = new ArrayList<>();
        for (String party : schema.parties()) {
            String column = LabelSchema.column(party);
            stances.add(label(row[columns.get(column)], schema.stances(), "stance", column));
        }
        String sentiment = label(row[columns.get("sentiment")], schema.sentiments(), "sentiment", "sentiment");
        Split split;
        try {
            split = Split.parse(row[columns.get("split")]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + shown(row[columns.get("split")])
                    + "' in column 'split' (expected train, dev or test)");
        }
        return new LabelledSentence(id, row[columns.get("source")].strip(), row[columns.get("doc_id")].strip(),
                position, text, new Labels(stances, sentiment), split);
    }

    /**
     * A value of the file as a message shows it: on one line (control characters escaped) and
     * at most {@value #SHOWN} characters, so that a damaged file gives a readable message, not
     * a megabyte of it or a line break in the middle.
     */
    static String shown(String raw) {
        return shown(raw, SHOWN);
    }

    /** {@link #shown(String)} with room for {@code max} characters (a parser's message quoting the file). */
    static String shown(String raw, int max) {
        int end = Math.min(raw.length(), max);
        if (end < raw.length() && Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--; // never half a character
        }
        StringBuilder out = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < raw.length()) {
            out.append("... (").append(raw.length()).append(" characters)");
        }
        return out.toString();
    }

    private static String label(String raw, List<String> allowed, String kind, String column) {
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("unknown " + kind + " label '" + shown(raw) + "' in column '" + column
                    + "' (expected one of " + String.join(", ", allowed) + ")");
        }
        return value;
    }
}
