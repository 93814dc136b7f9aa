package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Split;

class LabelledCsvReaderTest {

    static final String HEADER = "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split\n";

    private final LabelledCsvReader reader = new LabelledCsvReader(LabelSchema.DEFAULT);

    private Dataset read(String csv) throws IOException {
        return reader.read(new StringReader(csv), "data.csv");
    }

    private List<String> problems(String csv) {
        return assertThrows(DatasetFormatException.class, () -> read(csv)).problems();
    }

    @Test
    void readsRowsQuotedTextExtraColumnsAndAnyLabelCase() throws IOException {
        Dataset d = read("id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split,note\n"
                + "a1,seed,doc1,0,\"Trump said Zelenskyy was not \"\"grateful\"\", and left.\",neutral,AGAINST,NONE,NONE,NEGATIVE,train,x\n"
                + "a2,seed,doc1,1,\"A quote\nover two lines.\",NONE,NONE,NONE,NONE,NEUTRAL,TEST,\n");
        assertEquals(2, d.sentences().size());
        assertEquals("Trump said Zelenskyy was not \"grateful\", and left.", d.sentences().get(0).text());
        assertEquals(List.of("NEUTRAL", "AGAINST", "NONE", "NONE"), d.sentences().get(0).labels().stances());
        assertEquals(Split.TEST, d.sentences().get(1).split());
        assertEquals(1, d.split(Split.TRAIN).size());
    }

    @Test
    void aBackslashIsText() throws IOException {
        // RFC 4180: a backslash escapes nothing (a text ending in one once swallowed the next field).
        Dataset d = read(HEADER + "a1,seed,d,0,Our history. \\,NONE,NONE,NONE,NONE,NEGATIVE,train\n"
                + "a2,seed,d,1,\"A path, C:\\news\\\",NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        assertEquals("Our history. \\", d.sentences().get(0).text());
        assertEquals(Split.TRAIN, d.sentences().get(0).split());
        assertEquals("A path, C:\\news\\", d.sentences().get(1).text());
    }

    @Test
    void aMissingColumnIsNamedOnLineOne() {
        List<String> p = problems("id,source,doc_id,position,text,us,ukraine,russia,sentiment,split\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("data.csv:1: missing column europe"), p.get(0));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndReason() {
        List<String> p = problems(HEADER
                + "a1,seed,d,0,Fine sentence.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a2,seed,d,1,Bad label.,LIKES,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a3,seed,d,2,  ,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a4,seed,d,3,Bad split.,NONE,NONE,NONE,NONE,NEUTRAL,validation\n"
                + "\"a5\",seed,d,4,\"Multi\nline\",NONE,NONE,NONE,NONE,HAPPY,train\n"
                + "a6,seed,d,5,Too few fields.,NONE,NONE\n"
                + "a1,seed,d,6,Duplicate id.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                + "a7,seed,d,x,Bad position.,NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        assertEquals(7, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("data.csv:3: unknown stance label 'LIKES' in column 'us'"), p.get(0));
        assertTrue(p.get(1).startsWith("data.csv:4: empty text"), p.get(1));
        assertTrue(p.get(2).startsWith("data.csv:5: unknown split 'validation'"), p.get(2));
        assertTrue(p.get(3).startsWith("data.csv:6: unknown sentiment label 'HAPPY'"), p.get(3));
        assertTrue(p.get(4).startsWith("data.csv:8: expected 11 fields"), p.get(4));
        assertTrue(p.get(5).startsWith("data.csv:9: duplicate id 'a1'"), p.get(5));
        assertTrue(p.get(6).startsWith("data.csv:10: position 'x'"), p.get(6));
    }

    @Test
    void anUnterminatedQuoteIsReported() {
        List<String> p = problems(HEADER + "a1,seed,d,0,\"never closed,NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        assertTrue(p.get(0).startsWith("data.csv:"), p.get(0));
        assertTrue(p.get(0).contains("malformed CSV") || p.get(0).contains("expected 11 fields"), p.get(0));
    }

    @Test
    void anEmptyFileIsReported() {
        assertTrue(problems("").get(0).startsWith("data.csv:1: empty file"));
    }
}
