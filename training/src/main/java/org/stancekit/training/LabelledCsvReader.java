package org.stancekit.training;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return new Dataset(file.toString(), schema, table().read(file));
    }

    /** Reads and validates CSV text; {@code origin} names it in messages. */
    public Dataset read(Reader in, String origin) throws IOException {
        return new Dataset(origin, schema, table().read(in, origin));
    }

    private LabelledTable<LabelledSentence> table() {
        return new LabelledTable<>(requiredColumns(), this::parse, LabelledSentence::id);
    }

    /** The columns a labelled file must have, in the documented order. */
    public List<String> requiredColumns() {
        List<String> cols = new ArrayList<>(List.of("id", "source", "doc_id", "position", "text"));
        schema.parties().forEach(p -> cols.add(LabelSchema.column(p)));
        cols.add("sentiment");
        cols.add("split");
        return cols;
    }

    private LabelledSentence parse(String[] row, Map<String, Integer> columns) {
        LabelledTable.KeyAndText idAndText = LabelledTable.keyAndText(row, columns, "id");
        int position;
        try {
            position = Integer.parseInt(row[columns.get("position")].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("position '" + shown(row[columns.get("position")]) + "' is not a whole number");
        }
        List<String> stances = LabelledTable.stances(row, columns, schema);
        String sentiment = LabelledTable.label(row[columns.get("sentiment")], schema.sentiments(), "sentiment", "sentiment");
        Split split = LabelledTable.split(row, columns);
        return new LabelledSentence(idAndText.key(), row[columns.get("source")].strip(), row[columns.get("doc_id")].strip(),
                position, idAndText.text(), new Labels(stances, sentiment), split);
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
}
