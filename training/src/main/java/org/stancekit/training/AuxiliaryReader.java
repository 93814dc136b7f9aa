package org.stancekit.training;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancekit.domain.LabelSchema;

/**
 * Reads auxiliary supervision files (see {@code datasets/README.md}): a CSV with {@code text} and
 * either {@code party,stance} columns (one party's stance) or a {@code sentiment} column. Rows
 * are reported as {@code file:line: reason} like the labelled reader's.
 */
public final class AuxiliaryReader {

    private final LabelSchema schema;

    /** A reader for auxiliary labels of {@code schema}. */
    public AuxiliaryReader(LabelSchema schema) {
        this.schema = schema;
    }

    /** Reads one auxiliary file. */
    public List<AuxiliaryExample> read(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        List<AuxiliaryExample> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = CsvFiles.reader(in)) {
            String[] header = csv.readNext();
            List<String> columns = header == null ? List.of()
                    : List.of(header).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int text = columns.indexOf("text");
            int party = columns.indexOf("party");
            int stance = columns.indexOf("stance");
            int sentiment = columns.indexOf("sentiment");
            boolean stanceFile = party >= 0 && stance >= 0;
            if (text < 0 || (!stanceFile && sentiment < 0)) {
                throw new DatasetFormatException(List.of(file + ":1: an auxiliary file needs a 'text' column and "
                        + "either 'party' and 'stance' or 'sentiment' columns"));
            }
            long line = csv.getLinesRead() + 1;
            String[] row;
            while ((row = csv.readNext()) != null && problems.size() < LabelledCsvReader.MAX_PROBLEMS) {
                try {
                    if (row.length != columns.size()) {
                        throw new IllegalArgumentException("expected " + columns.size() + " fields, found " + row.length);
                    }
                    if (row[text].isBlank()) {
                        throw new IllegalArgumentException("empty text");
                    }
                    out.add(stanceFile ? stanceExample(row[text], row[party], row[stance])
                            : sentimentExample(row[text], row[sentiment]));
                } catch (IllegalArgumentException e) {
                    problems.add(file + ":" + line + ": " + e.getMessage());
                }
                line = csv.getLinesRead() + 1;
            }
        } catch (CsvException e) {
            problems.add(file + ":" + e.getLineNumber() + ": malformed CSV: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new DatasetFormatException(problems);
        }
        return out;
    }

    private AuxiliaryExample stanceExample(String text, String party, String stance) {
        String p = party.strip().toUpperCase(Locale.ROOT);
        String s = stance.strip().toUpperCase(Locale.ROOT);
        if (!schema.parties().contains(p)) {
            throw new IllegalArgumentException("unknown party '" + party + "' (expected one of " + schema.parties() + ")");
        }
        if (!schema.stances().contains(s)) {
            throw new IllegalArgumentException("unknown stance label '" + stance + "'");
        }
        return new AuxiliaryExample(text.strip(), p, s);
    }

    private AuxiliaryExample sentimentExample(String text, String sentiment) {
        String s = sentiment.strip().toUpperCase(Locale.ROOT);
        if (!schema.sentiments().contains(s)) {
            throw new IllegalArgumentException("unknown sentiment label '" + sentiment + "'");
        }
        return new AuxiliaryExample(text.strip(), null, s);
    }
}
