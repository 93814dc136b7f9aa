package org.stancekit.training;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.Reader;

/**
 * How StanceKit reads CSV: RFC 4180, as every file it writes is. OpenCSV's default parser also
 * treats a backslash as an escape, so a text ending in "\" swallowed the comma after it and the
 * row lost a field (found in a White House transcript); this parser reads backslashes as text.
 *
 * <p>OpenCSV also checks, before every row, whether the reader is closed by reading one character
 * ahead, and takes any read error there for the end of the file. A damaged {@code .csv.gz} whose
 * damage fell at the start of a row, as it does whenever a buffer of text ends with a row, read as
 * a shorter file without a word (found by {@code LabelledCsvFuzzTest}); without the check, the
 * error reaches the caller.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** An RFC 4180 reader over {@code in}; read errors of {@code in} are thrown, never taken for its end. */
    public static CSVReader reader(Reader in) {
        return new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).withVerifyReader(false).build();
    }
}
