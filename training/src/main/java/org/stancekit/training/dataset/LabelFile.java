package org.stancekit.training.dataset;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.training.Annotation;

/**
 * One annotation pass: {@code id,<party>...,sentiment}, the format annotators write and
 * {@code datasets/agreement/} keeps. Reading and merging go through {@link Annotation}, which
 * validates every row.
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

    /** Reads the pass files in {@code dir} whose names start with {@code prefix}, in name order, as one pass. */
    public static Map<String, Labels> readAll(Path dir, String prefix, LabelSchema schema) throws IOException {
        Map<String, Labels> all = new LinkedHashMap<>();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".csv"))
                    .sorted().toList();
        }
        for (Path f : files) {
            Map<String, Labels> part = Annotation.read(f, schema);
            for (String id : part.keySet()) {
                if (all.containsKey(id)) {
                    throw new IllegalArgumentException(f + ": id " + id + " is labelled in an earlier file too");
                }
            }
            all.putAll(part);
        }
        return all;
    }
}
