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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;
import org.stancekit.runtime.AtomicFile;
import org.stancekit.training.CsvFiles;
import org.stancekit.training.DatasetFormatException;

/**
 * Merges an annotation round into the labelled CSV: re-annotated rows get their settled labels,
 * sampled rows are added with theirs, and the round's double annotation is written as a pair of
 * agreement files. The final label of a row is the passes' common label, or the adjudicator's
 * where they differ; a contest without a decision is an error, never a silent pick.
 *
 * <p>Assembly is repeatable: it reads the round's files only (the previous labels of re-annotated
 * rows are kept in {@code reannotation/previous.csv}), so running it again on its own output gives
 * the same file. Rows keep their column order and every column the file has.
 */
public final class DatasetAssembler {

    /**
     * What an assembly did.
     *
     * @param added rows added
     * @param relabelled rows re-annotated
     * @param changed re-annotated rows whose labels changed
     * @param contested rows decided by adjudication (new and re-annotated)
     */
    public record Result(int added, int relabelled, int changed, int contested) {
    }

    private final LabelSchema schema;

    /** An assembler for files labelled with {@code schema}. */
    public DatasetAssembler(LabelSchema schema) {
        this.schema = schema;
    }

    /**
     * Assembles {@code round} into {@code data}, writing {@code out} (which may be {@code data}),
     * the agreement pair {@code agreement/<round>_annotator_a.csv} and {@code _b.csv}, and the
     * record of changed labels {@code reannotation/changes.csv}.
     */
    public Result assemble(Path data, RoundFiles round, Path out, Path agreementDir) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] header = readCsv(data, rows);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("id", "source", "doc_id", "position", "text", "sentiment", "split", "annotation")) {
            if (!col.containsKey(required)) {
                throw new DatasetFormatException(List.of(data + ":1: no column '" + required + "'"));
            }
        }
        Map<String, Integer> rowById = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            rowById.put(rows.get(i)[col.get("id")], i);
        }

        Map<String, Labels> agreementA = new LinkedHashMap<>();
        Map<String, Labels> agreementB = new LinkedHashMap<>();
        int relabelled = 0;
        int changed = 0;
        int contested = 0;
        Map<String, Labels> changes = new LinkedHashMap<>();
        Map<String, Labels> previousOfChanged = new LinkedHashMap<>();
        if (round.reannotates()) {
            Map<String, Adjudication.Decision> decisions = Adjudication.readRecord(round.reannotationAdjudication(), schema);
            for (RoundFiles.Reannotated re : round.reannotated(schema)) {
                PoolRow p = re.row();
                Integer at = rowById.get(p.id());
                if (at == null) {
                    throw new DatasetFormatException(List.of(round.reannotationPool() + ": row " + p.id() + " is not in " + data));
                }
                boolean test = p.split() == Split.TEST;
                Labels first = re.first();
                Labels second = re.second();
                Labels settled = settle(p.id(), first, second, decisions);
                contested += first.equals(second) ? 0 : 1;
                String[] row = rows.get(at);
                setLabels(row, col, settled);
                if (test) {
                    row[col.get("annotation")] = first.equals(second) ? "double-agreed" : "double-adjudicated";
                    agreementA.put(p.id(), first);
                    agreementB.put(p.id(), second);
                }
                relabelled++;
                if (!settled.equals(re.previous())) {
                    changed++;
                    changes.put(p.id(), settled);
                    previousOfChanged.put(p.id(), re.previous());
                }
            }
        }

        Map<String, Labels> a = RoundFiles.pass(round.passA(), schema);
        Map<String, Labels> b = RoundFiles.pass(round.passB(), schema);
        Map<String, Adjudication.Decision> decisions = Adjudication.readRecord(round.adjudication(), schema);
        int added = 0;
        for (PoolRow p : PoolFile.read(round.pool())) {
            Labels la = a.get(p.id());
            if (la == null) {
                throw new DatasetFormatException(List.of(round.passA() + ": no labels for pool row " + p.id()));
            }
            Labels lb = b.get(p.id());
            Labels settled = lb == null ? la : settle(p.id(), la, lb, decisions);
            String annotation = lb == null ? "single" : la.equals(lb) ? "double-agreed" : "double-adjudicated";
            contested += lb != null && !la.equals(lb) ? 1 : 0;
            if (lb != null) {
                agreementA.put(p.id(), la);
                agreementB.put(p.id(), lb);
            }
            String[] row = new String[header.length];
            java.util.Arrays.fill(row, "");
            row[col.get("id")] = p.id();
            row[col.get("source")] = p.source();
            row[col.get("doc_id")] = p.docId();
            row[col.get("position")] = Integer.toString(p.position());
            row[col.get("text")] = p.text();
            row[col.get("split")] = p.split().label();
            row[col.get("annotation")] = annotation;
            setLabels(row, col, settled);
            Integer at = rowById.get(p.id());
            if (at != null) {
                rows.set(at, row);
            } else {
                rows.add(row);
                added++;
            }
        }

        writeCsv(out, header, rows);
        String name = round.dir().getFileName().toString();
        Files.createDirectories(agreementDir);
        LabelFile.write(agreementDir.resolve(name + "_annotator_a.csv"), schema, agreementA);
        LabelFile.write(agreementDir.resolve(name + "_annotator_b.csv"), schema, agreementB);
        if (round.reannotates()) {
            writeChanges(round.dir().resolve("reannotation/changes.csv"), previousOfChanged, changes);
        }
        return new Result(added, relabelled, changed, contested);
    }

    private static Labels settle(String id, Labels first, Labels second, Map<String, Adjudication.Decision> decisions)
            throws DatasetFormatException {
        if (first.equals(second)) {
            return first;
        }
        Adjudication.Decision d = decisions.get(id);
        if (d == null) {
            throw new DatasetFormatException(List.of("row " + id + ": the passes differ and no adjudication decides it"));
        }
        return d.labels();
    }

    private void setLabels(String[] row, Map<String, Integer> col, Labels labels) throws DatasetFormatException {
        for (int p = 0; p < schema.parties().size(); p++) {
            Integer c = col.get(LabelSchema.column(schema.parties().get(p)));
            if (c == null) {
                throw new DatasetFormatException(List.of("the dataset has no column '"
                        + LabelSchema.column(schema.parties().get(p)) + "'"));
            }
            row[c] = labels.stances().get(p);
        }
        row[col.get("sentiment")] = labels.sentiment();
    }

    private void writeChanges(Path file, Map<String, Labels> before, Map<String, Labels> after) throws IOException {
        List<String> header = new ArrayList<>(List.of("id"));
        header.addAll(LabelFile.labelColumns(schema, "previous", "new"));
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Labels> e : after.entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            row.addAll(LabelFile.cells(before.get(e.getKey())));
            row.addAll(LabelFile.cells(e.getValue()));
            rows.add(row.toArray(String[]::new));
        }
        writeCsv(file, header.toArray(String[]::new), rows);
    }

    private static String[] readCsv(Path file, List<String[]> rows) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new DatasetFormatException(List.of(file + ":1: empty file, expected a header row"));
            }
            String[] row;
            while ((row = csv.readNext()) != null) {
                if (row.length != header.length) {
                    throw new DatasetFormatException(List.of(file + ":" + csv.getLinesRead() + ": expected "
                            + header.length + " fields"));
                }
                rows.add(row);
            }
            return header;
        } catch (CsvException e) {
            throw new DatasetFormatException(List.of(file + ":" + e.getLineNumber() + ": malformed CSV: " + e.getMessage()));
        }
    }

    /** Writes under a temporary name, then renames, so a failed write never leaves half a dataset. */
    private static void writeCsv(Path file, String[] header, List<String[]> rows) throws IOException {
        AtomicFile.write(file, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(w)) {
                csv.writeNext(header, false);
                for (String[] row : rows) {
                    csv.writeNext(row, false);
                }
            }
        });
    }
}
