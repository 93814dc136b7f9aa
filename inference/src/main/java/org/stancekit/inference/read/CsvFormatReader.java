package org.stancekit.inference.read;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** A {@code .csv} file (RFC 4180): a header row naming the id and text columns, then one article a row. */
final class CsvFormatReader implements FormatReader {

    @Override
    public void read(InputStream in, String file, ArticleSink out) throws IOException {
        ReaderOptions options = out.options();
        // A quote doubles in a field and any character may be held as UTF-8 in up to four bytes.
        RecordReader records = new RecordReader(in, RecordReader.Mode.CSV, out.recordByteLimit(8));
        // RFC 4180: a quote inside a field is doubled, and a backslash is an ordinary character
        // (OpenCSV's default parser would take "\\\"" as an escaped quote and misread the row).
        // Each record is whole, so the parser never carries a pending field from one to the next.
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        String[] header = null;
        int idColumn = -1;
        int textColumn = -1;
        RecordReader.Record record;
        while ((record = records.next()) != null) {
            String location = file + ":" + record.line();
            String[] row = record.isEmpty() ? null : fields(record, parser, location, out);
            if (row == null) {
                continue;
            }
            if (header == null) {
                header = row;
                idColumn = column(header, options.idColumn());
                textColumn = column(header, options.textColumn());
                if (idColumn < 0 || textColumn < 0) {
                    out.failed(location, "", "a CSV input needs a header row with '"
                            + options.idColumn() + "' and '" + options.textColumn() + "' columns");
                    return;
                }
            } else if (row.length <= Math.max(idColumn, textColumn)) {
                out.failed(location, "", "expected " + header.length + " fields, found " + row.length);
            } else {
                out.article(row[idColumn].strip(), row[textColumn], location);
            }
        }
        if (header == null) {
            out.failed(file, "", "empty CSV input (no header row)");
        }
    }

    /** A record's fields, or null when the record was reported as a failure. */
    private static String[] fields(RecordReader.Record record, RFC4180Parser parser, String location, ArticleSink out)
            throws IOException {
        // A broken quote comes first: it explains the rows this record swallowed, whatever else is wrong in it.
        if (record.unterminated()) {
            out.failed(location, "", "malformed CSV: a quoted field is never closed (it runs to the end of the file)");
            return null;
        }
        if (record.textAfterQuote()) {
            out.failed(location, "", "malformed CSV: text follows a closing quote "
                    + "(a stray quote in an unquoted field may have joined several lines into this row)");
            return null;
        }
        String text = out.decode(record, location);
        return text == null ? null : parser.parseLine(text);
    }

    private static int column(String[] header, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.length; i++) {
            if (ArticleSink.stripBom(header[i].strip()).toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
