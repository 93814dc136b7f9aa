package org.stancekit.inference.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opencsv.CSVWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCsvWriterTest {

    @Test
    void writesWhatCsvWriterWrites() throws Exception {
        List<String[]> rows = List.of(
                new String[] {"a1", "0", "Plain text without specials", "NEUTRAL", "0.1234"},
                new String[] {"a1", "1", "Kyiv, Moscow and Washington", "FAVOR", "1.0000"},
                new String[] {"a\"2", "2", "He said \"no\", twice", "AGAINST", "-0.5000"},
                new String[] {"a3", "3", "line one\nline two\r\nthree", "", "x,y"},
                new String[] {"a4", "4", "Zelenskyy’s “peace” plan – 2025", "NONE", "\""},
                new String[] {"short,", "\"q\"", "a\rb", "", null},
                new String[] {"a long cell without specials but longer than sixteen characters", "ok"});
        StringWriter expected = new StringWriter();
        StringWriter actual = new StringWriter();
        try (CSVWriter base = new CSVWriter(expected); CSVWriter fast = new ScoreCsvWriter(actual)) {
            for (String[] row : rows) {
                base.writeNext(row, false);
                fast.writeNext(row, false);
                base.writeNext(row, true);
                fast.writeNext(row, true);
            }
        }
        assertEquals(expected.toString(), actual.toString());
    }
}
