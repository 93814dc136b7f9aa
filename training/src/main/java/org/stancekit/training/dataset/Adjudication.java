package org.stancekit.training.dataset;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.stancekit.runtime.AtomicFile;
import org.stancekit.training.CsvFiles;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.training.DatasetFormatException;

/**
 * Settling the rows on which two annotation passes differ. The adjudicator sees the guidelines,
 * the sentence in context and the two label sets, as "first" and "second" in a seeded random
 * order per row, so that neither pass is favoured by its position, and writes the final labels
 * with a short reason. The record kept in the dataset ({@code adjudication.csv}) names the passes
 * again: {@code id,a_*,b_*,final_*,note}.
 */
public final class Adjudication {

    /**
     * A row the passes label differently.
     *
     * @param id the row
     * @param a the first pass's labels
     * @param b the second pass's labels
     */
    public record Contest(String id, Labels a, Labels b) {
    }

    /**
     * An adjudicated row.
     *
     * @param labels the final labels
     * @param note the adjudicator's reason
     */
    public record Decision(Labels labels, String note) {
    }

    private Adjudication() {
    }

    /** The rows labelled by both passes whose labels differ, in {@code a}'s order. */
    public static List<Contest> contests(Map<String, Labels> a, Map<String, Labels> b) {
        List<Contest> out = new ArrayList<>();
        a.forEach((id, la) -> {
            Labels lb = b.get(id);
            if (lb != null && !lb.equals(la)) {
                out.add(new Contest(id, la, lb));
            }
        });
        return out;
    }

    /**
     * Writes adjudication batches ({@code PREFIX-NN.csv}) and the key of which pass is shown first
     * ({@code PREFIX-key.csv}, for the assembler, never for the adjudicator).
     */
    public static void writeBatches(List<Contest> contests, Map<String, PoolRow> context, LabelSchema schema, Path dir,
                                    String prefix, int size, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Map<String, Boolean> aFirst = new LinkedHashMap<>();
        contests.forEach(c -> aFirst.put(c.id(), random.nextBoolean()));
        List<String> header = new ArrayList<>(AnnotationBatches.HEADER);
        header.addAll(LabelFile.labelColumns(schema, "first", "second"));
        for (int start = 0, n = 1; start < contests.size(); start += size, n++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "%s-%02d.csv", prefix, n));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(out)) {
                csv.writeNext(header.toArray(String[]::new));
                for (Contest c : contests.subList(start, Math.min(contests.size(), start + size))) {
                    PoolRow r = context.get(c.id());
                    if (r == null) {
                        throw new IllegalArgumentException("no pool row for contested id " + c.id());
                    }
                    List<String> row = new ArrayList<>(List.of(r.id(), r.title(), r.date(), r.speaker(), r.before(),
                            r.text(), r.after()));
                    boolean first = aFirst.get(c.id());
                    row.addAll(LabelFile.cells(first ? c.a() : c.b()));
                    row.addAll(LabelFile.cells(first ? c.b() : c.a()));
                    csv.writeNext(row.toArray(String[]::new));
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(prefix + "-key.csv"), StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(out)) {
            csv.writeNext(new String[] {"id", "first"}, false);
            aFirst.forEach((id, first) -> csv.writeNext(new String[] {id, first ? "a" : "b"}, false));
        }
    }

    /**
     * Reads adjudicators' decisions: {@code id,<party>...,sentiment,note}, in every file of
     * {@code dir} whose name starts with {@code prefix}.
     */
    public static Map<String, Decision> readDecisions(Path dir, String prefix, LabelSchema schema) throws IOException {
        Map<String, Decision> out = new LinkedHashMap<>();
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".csv")).sorted().toList();
        }
        List<String> expected = new ArrayList<>(List.of(LabelFile.header(schema)));
        expected.add("note");
        for (Path f : files) {
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVReader csv = CsvFiles.reader(in)) {
                String[] header = csv.readNext();
                if (header == null || !List.of(header).equals(expected)) {
                    throw new DatasetFormatException(List.of(f + ":1: expected header " + String.join(",", expected)));
                }
                String[] row;
                while ((row = csv.readNext()) != null) {
                    long line = csv.getLinesRead();
                    if (row.length != expected.size()) {
                        throw new DatasetFormatException(List.of(f + ":" + line + ": expected " + expected.size() + " fields"));
                    }
                    if (out.put(row[0].strip(), new Decision(labels(row, 1, schema, f + ":" + line),
                            row[row.length - 1].strip())) != null) {
                        throw new DatasetFormatException(List.of(f + ":" + line + ": " + row[0].strip()
                                + " is decided twice (here and in an earlier row or file)"));
                    }
                }
            } catch (CsvException e) {
                throw new DatasetFormatException(List.of(f + ":" + e.getLineNumber() + ": malformed CSV: " + e.getMessage()));
            }
        }
        return out;
    }

    /** Reads a kept record ({@code id,a_*,b_*,final_*,note}) into decisions. */
    public static Map<String, Decision> readRecord(Path file, LabelSchema schema) throws IOException {
        Map<String, Decision> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        int width = schema.parties().size() + 1;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            if (header == null || !List.of(header).equals(recordHeader(schema))) {
                throw new DatasetFormatException(List.of(file + ":1: expected header "
                        + String.join(",", recordHeader(schema))));
            }
            String[] row;
            while ((row = csv.readNext()) != null) {
                if (row.length != 2 + 3 * width) {
                    throw new DatasetFormatException(List.of(file + ":" + csv.getLinesRead() + ": expected "
                            + (2 + 3 * width) + " fields"));
                }
                out.put(row[0], new Decision(labels(row, 1 + 2 * width, schema, file + ":" + csv.getLinesRead()),
                        row[row.length - 1]));
            }
        } catch (CsvException e) {
            throw new DatasetFormatException(List.of(file + ":" + e.getLineNumber() + ": malformed CSV: " + e.getMessage()));
        }
        return out;
    }

    /** The kept record's columns: {@code id}, the labels of A, B and the decision, {@code note}. */
    private static List<String> recordHeader(LabelSchema schema) {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(LabelFile.labelColumns(schema, "a", "b", "final"));
        header.add("note");
        return header;
    }

    /** Writes the kept record of the contests that have a decision. */
    public static void writeRecord(Path file, List<Contest> contests, Map<String, Decision> decisions, LabelSchema schema)
            throws IOException {
        AtomicFile.write(file, raw -> {
            CSVWriter csv = new CSVWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
            csv.writeNext(recordHeader(schema).toArray(String[]::new), false);
            for (Contest c : contests) {
                Decision d = decisions.get(c.id());
                if (d == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(c.id()));
                row.addAll(LabelFile.cells(c.a()));
                row.addAll(LabelFile.cells(c.b()));
                row.addAll(LabelFile.cells(d.labels()));
                row.add(d.note());
                csv.writeNext(row.toArray(String[]::new));
            }
            csv.flush();
        });
    }

    private static Labels labels(String[] row, int from, LabelSchema schema, String where) throws DatasetFormatException {
        List<String> stances = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            String s = row[from + p].strip().toUpperCase(Locale.ROOT);
            if (!schema.stances().contains(s)) {
                throw new DatasetFormatException(List.of(where + ": unknown stance label '" + row[from + p] + "'"));
            }
            stances.add(s);
        }
        String sentiment = row[from + schema.parties().size()].strip().toUpperCase(Locale.ROOT);
        if (!schema.sentiments().contains(sentiment)) {
            throw new DatasetFormatException(List.of(where + ": unknown sentiment label '" + sentiment + "'"));
        }
        return new Labels(stances, sentiment);
    }
}
