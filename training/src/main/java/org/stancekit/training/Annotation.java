package org.stancekit.training;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

/**
 * One annotator's labels from an agreement file: CSV with {@code id,<party>...,sentiment}. Two
 * such files, made independently, are the input of the agreement figures.
 */
public final class Annotation {

    private Annotation() {
    }

    /** Reads an annotation file into labels by sentence id, in file order. */
    public static Map<String, Labels> read(Path file, LabelSchema schema) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Labels> labels = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            List<String> expected = new ArrayList<>(List.of("id"));
            schema.parties().forEach(p -> expected.add(LabelSchema.column(p)));
            expected.add("sentiment");
            if (header == null || !List.of(header).equals(expected)) {
                throw new DatasetFormatException(List.of(file + ":1: expected header " + String.join(",", expected)));
            }
            String[] row;
            long line = csv.getLinesRead() + 1;
            while ((row = csv.readNext()) != null && problems.size() < LabelledCsvReader.MAX_PROBLEMS) {
                String problem = check(row, expected.size(), schema);
                if (problem == null && labels.containsKey(row[0])) {
                    problem = "duplicate id '" + row[0] + "'";
                }
                if (problem != null) {
                    problems.add(file + ":" + line + ": " + problem);
                } else {
                    List<String> stances = new ArrayList<>();
                    for (int p = 0; p < schema.parties().size(); p++) {
                        stances.add(row[1 + p].strip().toUpperCase(Locale.ROOT));
                    }
                    labels.put(row[0].strip(), new Labels(stances, row[row.length - 1].strip().toUpperCase(Locale.ROOT)));
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (CsvException e) {
            problems.add(file + ":" + e.getLineNumber() + ": malformed CSV: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new DatasetFormatException(problems);
        }
        return labels;
    }

    private static String check(String[] row, int width, LabelSchema schema) {
        if (row.length != width) {
            return "expected " + width + " fields, found " + row.length;
        }
        for (int p = 0; p < schema.parties().size(); p++) {
            if (!schema.stances().contains(row[1 + p].strip().toUpperCase(Locale.ROOT))) {
                return "unknown stance label '" + row[1 + p] + "'";
            }
        }
        if (!schema.sentiments().contains(row[width - 1].strip().toUpperCase(Locale.ROOT))) {
            return "unknown sentiment label '" + row[width - 1] + "'";
        }
        return null;
    }
}
