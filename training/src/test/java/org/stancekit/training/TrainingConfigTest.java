package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void propertiesRoundTripGivesTheSameRecord() throws IOException {
        StringWriter out = new StringWriter();
        TrainingConfig.DEFAULT.store(out);
        assertEquals(TrainingConfig.DEFAULT, TrainingConfig.load(new StringReader(out.toString()), "cfg"));
    }

    @Test
    void unsetKeysKeepDefaultsAndSetKeysApply() throws IOException {
        TrainingConfig c = TrainingConfig.load(new StringReader("epochs=3\nnetwork.hiddenSize=16\n"), "cfg");
        assertEquals(3, c.epochs());
        assertEquals(16, c.network().hiddenSize());
        assertEquals(TrainingConfig.DEFAULT.batchSize(), c.batchSize());
    }

    @Test
    void unknownKeysAndInvalidValuesAreRefusedWithTheFileName() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.load(new StringReader("epoch=3\n"), "my.properties"));
        assertTrue(typo.getMessage().startsWith("my.properties: unknown keys [epoch]"), typo.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.load(new StringReader("network.dropout=1.5\n"), "my.properties"));
        assertTrue(bad.getMessage().contains("dropout must be in [0, 1)"), bad.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.load(new StringReader("epochs=many\n"), "my.properties"));
        assertTrue(nan.getMessage().contains("'many' is not a number"), nan.getMessage());
        IllegalArgumentException encoder = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.load(new StringReader("features.sentenceEncoder=bert\n"), "my.properties"));
        assertTrue(encoder.getMessage().contains("sentenceEncoder must be none, got bert"), encoder.getMessage());
    }

    @Test
    void configurationsWrittenBeforeSentenceEncodersReadAsWithout() {
        java.util.Map<String, String> old = new java.util.LinkedHashMap<>(TrainingConfig.DEFAULT.toMap());
        old.remove("features.sentenceEncoder");
        assertEquals("none", TrainingConfig.fromMap(old).features().sentenceEncoder());
    }
}
