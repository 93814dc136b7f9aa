package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.LabelSchema;

class AuxiliaryReaderTest {

    private final AuxiliaryReader reader = new AuxiliaryReader(LabelSchema.DEFAULT);

    @Test
    void readsStanceAndSentimentFiles(@TempDir Path dir) throws IOException {
        Path stance = Files.writeString(dir.resolve("s.csv"), "id,source,doc_id,text,party,stance\n"
                + "1,newsmtsc,d,Trump praised the deal.,US,favor\n");
        Path sentiment = Files.writeString(dir.resolve("n.csv"), "id,source,doc_id,text,rating,sentiment\n"
                + "2,nyt,d,A grim day.,-2.1,NEGATIVE\n");
        assertEquals(List.of(new AuxiliaryExample("Trump praised the deal.", "US", "FAVOR")), reader.read(stance));
        assertEquals(List.of(new AuxiliaryExample("A grim day.", null, "NEGATIVE")), reader.read(sentiment));
    }

    @Test
    void badRowsAndHeadersAreReportedWithLines(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "text,party,stance\n"
                + "Fine.,US,NONE\nWho?,CHINA,FAVOR\nWhat?,US,LOVES\n");
        List<String> p = assertThrows(DatasetFormatException.class, () -> reader.read(bad)).problems();
        assertEquals(2, p.size());
        assertTrue(p.get(0).startsWith(bad + ":3: unknown party 'CHINA'"), p.get(0));
        assertTrue(p.get(1).startsWith(bad + ":4: unknown stance label 'LOVES'"), p.get(1));
        Path noColumns = Files.writeString(dir.resolve("x.csv"), "text,label\nA,B\n");
        assertTrue(assertThrows(DatasetFormatException.class, () -> reader.read(noColumns)).getMessage()
                .contains(":1: an auxiliary file needs"));
    }
}
