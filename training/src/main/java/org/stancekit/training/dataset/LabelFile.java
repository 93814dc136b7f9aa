package org.stancekit.training.dataset;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.training.Annotation;

/**
 * One annotation pass: {@code id,<party>...,sentiment}, the format annotators write and
 * {@code datasets/agreement/} keeps. Reading goes through {@link Annotation}, which validates
 * every row.
 */
public final class LabelFile {

    private LabelFile() {
    }

    /** The header of a pass file for {@code schema}. */
    public static String[] header(LabelSchema schema) {
        List<String> h = new ArrayList<>(List.of("id"));
        schema.parties().forEach(p -> h.add(LabelSchema.column(p)));
        h.add("sentiment");
        return h.toArray(String[]::new);
    }

    /**
     * The label columns (parties, then sentiment) once per prefix, as {@code prefix_column}: the
     * side-by-side layout of adjudication batches and records and of the change list.
     */
    public static List<String> labelColumns(LabelSchema schema, String... prefixes) {
        List<String> out = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String col : header(schema)) {
                if (!col.equals("id")) {
                    out.add(prefix + "_" + col);
                }
            }
        }
        return out;
    }

    /** The label cells of one row, parties then sentiment. */
    public static List<String> cells(Labels labels) {
        List<String> c = new ArrayList<>(labels.stances());
        c.add(labels.sentiment());
        return c;
    }

    /** Writes a pass, in map order. */
    public static void write(Path file, LabelSchema schema, Map<String, Labels> labels) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(out)) {
            csv.writeNext(header(schema), false);
            for (Map.Entry<String, Labels> e : labels.entrySet()) {
                List<String> row = new ArrayList<>(List.of(e.getKey()));
                row.addAll(cells(e.getValue()));
                csv.writeNext(row.toArray(String[]::new), false);
            }
        }
    }
}
