package org.stancekit.training.report;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;

/**
 * {@value #FILE_NAME} of an evaluation report: one row per evaluated sentence, {@code id} and then
 * per head ({@link LabelSchema#heads()}: {@code stance_us}, …, {@code sentiment}) the gold label
 * ({@code <head>_gold}) and the predicted one ({@code <head>_predicted}). A later
 * {@code evaluate --compare-to} reads it to run a paired bootstrap on the same sentences.
 */
public final class PredictionsCsv {

    /** The file's name in the report folder. */
    public static final String FILE_NAME = "predictions.csv";

    /**
     * A {@value #FILE_NAME} as read.
     *
     * @param ids the sentences' ids, in file order
     * @param gold their gold labels
     * @param predicted their predicted labels
     */
    public record Rows(List<String> ids, List<Labels> gold, List<Labels> predicted) {

        public Rows {
            ids = List.copyOf(ids);
            gold = List.copyOf(gold);
            predicted = List.copyOf(predicted);
            if (ids.size() != gold.size() || ids.size() != predicted.size()) {
                throw new IllegalArgumentException("ids, gold and predicted differ in length");
            }
        }
    }

    private PredictionsCsv() {
    }

    /** The header: {@code id}, then {@code <head>_gold,<head>_predicted} per head. */
    public static List<String> header(LabelSchema schema) {
        List<String> header = new ArrayList<>(List.of("id"));
        for (String head : schema.heads()) {
            header.add(head + "_gold");
            header.add(head + "_predicted");
        }
        return header;
    }

    /** Writes {@code rows} to {@code file} (UTF-8, a field quoted only when it needs it, LF line ends). */
    public static void write(Path file, LabelSchema schema, Rows rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(out, CSVWriter.DEFAULT_SEPARATOR, CSVWriter.DEFAULT_QUOTE_CHARACTER,
                     CSVWriter.DEFAULT_ESCAPE_CHARACTER, "\n")) {
            csv.writeNext(header(schema).toArray(String[]::new), false);
            int parties = schema.parties().size();
            for (int i = 0; i < rows.ids().size(); i++) {
                String[] line = new String[1 + 2 * (parties + 1)];
                line[0] = rows.ids().get(i);
                Labels g = rows.gold().get(i);
                Labels p = rows.predicted().get(i);
                for (int h = 0; h < parties; h++) {
                    line[1 + 2 * h] = g.stances().get(h);
                    line[2 + 2 * h] = p.stances().get(h);
                }
                line[1 + 2 * parties] = g.sentiment();
                line[2 + 2 * parties] = p.sentiment();
                csv.writeNext(line, false);
            }
        }
    }

    /**
     * Reads a {@value #FILE_NAME} written with the same schema.
     *
     * @throws IOException naming the file and line when it cannot be read, its header is not
     *         {@link #header(LabelSchema)}, a row has another number of fields, or a label is not in the schema
     */
    public static Rows read(Path file, LabelSchema schema) throws IOException {
        List<String> expected = header(schema);
        List<String> ids = new ArrayList<>();
        List<Labels> gold = new ArrayList<>();
        List<Labels> predicted = new ArrayList<>();
        int parties = schema.parties().size();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            String[] header = csv.readNext();
            if (header == null || !Arrays.asList(header).equals(expected)) {
                throw new IOException(file + ": not a " + FILE_NAME + " of this schema: expected the header "
                        + String.join(",", expected) + (header == null ? ", got an empty file" : ", got " + String.join(",", header)));
            }
            String[] row;
            while ((row = csv.readNext()) != null) {
                long line = csv.getLinesRead();
                if (row.length != expected.size()) {
                    throw new IOException(file + ": line " + line + ": expected " + expected.size() + " fields, got " + row.length);
                }
                List<String> gs = new ArrayList<>();
                List<String> ps = new ArrayList<>();
                for (int h = 0; h < parties; h++) {
                    gs.add(row[1 + 2 * h]);
                    ps.add(row[2 + 2 * h]);
                }
                try {
                    gold.add(new Labels(gs, row[1 + 2 * parties]));
                    predicted.add(new Labels(ps, row[2 + 2 * parties]));
                    for (Labels l : List.of(gold.get(gold.size() - 1), predicted.get(predicted.size() - 1))) {
                        for (String s : l.stances()) {
                            check(schema.stanceIndex(s), s, file, line);
                        }
                        check(schema.sentimentIndex(l.sentiment()), l.sentiment(), file, line);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": line " + line + ": " + e.getMessage(), e);
                }
                ids.add(row[0]);
            }
        } catch (CsvValidationException e) {
            throw new IOException(file + ": not a readable CSV: " + e.getMessage(), e);
        }
        return new Rows(ids, gold, predicted);
    }

    private static void check(int index, String label, Path file, long line) throws IOException {
        if (index < 0) {
            throw new IOException(file + ": line " + line + ": unknown label '" + label + "'");
        }
    }
}
