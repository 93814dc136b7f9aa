package org.stancekit.training;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.Reader;

/**
 * How StanceKit reads CSV: RFC 4180, as every file it writes is. OpenCSV's default parser also
 * treats a backslash as an escape, so a text ending in "\" swallowed the comma after it and the
 * row lost a field (found in a White House transcript); this parser reads backslashes as text.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** An RFC 4180 reader over {@code in}. */
    public static CSVReader reader(Reader in) {
        return new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build();
    }
}
