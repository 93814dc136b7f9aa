package org.stancekit.training.dataset;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancekit.training.CsvFiles;
import org.stancekit.domain.Split;
import org.stancekit.training.DatasetFormatException;

/** The pool file: the sampled sentences of an annotation round, one {@link PoolRow} a line. */
public final class PoolFile {

    /** The pool file's header. */
    public static final List<String> HEADER = List.of("id", "source", "doc_id", "position", "text", "split", "date",
            "title", "speaker", "before", "after");

    private PoolFile() {
    }

    /** Writes rows, every field quoted (ids and texts may hold commas, quotes and newlines). */
    public static void write(Path file, List<PoolRow> rows) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVWriter csv = new CSVWriter(out)) {
            csv.writeNext(HEADER.toArray(String[]::new));
            for (PoolRow r : rows) {
                csv.writeNext(new String[] {r.id(), r.source(), r.docId(), Integer.toString(r.position()), r.text(),
                    r.split().name().toLowerCase(Locale.ROOT), r.date(), r.title(), r.speaker(), r.before(), r.after()});
            }
        }
    }

    /** Reads a pool file; a malformed row is an error naming file and line. */
    public static List<PoolRow> read(Path file) throws IOException {
        List<PoolRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            if (header == null || !List.of(header).equals(HEADER)) {
                throw new DatasetFormatException(List.of(file + ":1: expected header " + String.join(",", HEADER)));
            }
            String[] f;
            long line = csv.getLinesRead() + 1;
            while ((f = csv.readNext()) != null) {
                if (f.length != HEADER.size()) {
                    throw new DatasetFormatException(List.of(file + ":" + line + ": expected " + HEADER.size()
                            + " fields, found " + f.length));
                }
                try {
                    rows.add(new PoolRow(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], Split.parse(f[5]), f[6], f[7],
                            f[8], f[9], f[10]));
                } catch (IllegalArgumentException e) {
                    throw new DatasetFormatException(List.of(file + ":" + line + ": " + e.getMessage()));
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (CsvException e) {
            throw new DatasetFormatException(List.of(file + ":" + e.getLineNumber() + ": malformed CSV: " + e.getMessage()));
        }
        return rows;
    }
}
