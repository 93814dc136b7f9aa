package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.LabelSchema;

class DatasetCheckerTest {

    private static Dataset data(String rows) throws IOException {
        return new LabelledCsvReader(LabelSchema.DEFAULT).read(new StringReader(LabelledCsvReaderTest.HEADER + rows), "d.csv");
    }

    @Test
    void splitLeaksAndSyntheticTestRowsFailTheCheck() throws IOException {
        DatasetReport r = new DatasetChecker().check(data(
                "a,news,doc1,0,One.,FAVOR,NONE,NONE,NONE,POSITIVE,train\n"
                        + "b,news,doc1,1,Two.,NONE,NONE,NONE,NONE,NEUTRAL,dev\n"
                        + "c,news,doc2,0,one.,NONE,NONE,NONE,NONE,NEUTRAL,test\n"
                        + "d,synthetic,doc3,0,Made up.,NONE,NONE,AGAINST,NONE,NEGATIVE,test\n"), null, null);
        assertFalse(r.passed());
        assertEquals(3, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("document news/doc1 is in both train and dev"), r.problems().get(0));
        assertTrue(r.problems().get(1).contains("row c also appears in the train split"), r.problems().get(1));
        assertTrue(r.problems().get(2).contains("synthetic row d is in the test split"), r.problems().get(2));
        assertEquals(2, r.noParty());
        assertEquals(1, r.referring().get("us"));
        assertEquals(1, r.stanceCounts().get("russia").get("test").get("AGAINST"));
    }

    @Test
    void aHeaderOnlyFileFailsTheCheck() throws IOException {
        DatasetReport r = new DatasetChecker().check(data(""), null, null);
        assertFalse(r.passed());
        assertEquals(java.util.List.of(TrainingDataCheck.NO_SENTENCES), r.problems());
    }

    @Test
    void whatTrainWouldRefuseIsAWarningHere() throws IOException {
        // A file of test rows alone is a sound evaluation set, so the check passes; but it says why train would not.
        DatasetReport r = new DatasetChecker().check(data("a,news,doc1,0,One.,FAVOR,NONE,NONE,NONE,POSITIVE,test\n"),
                null, null);
        assertTrue(r.passed(), r.problems().toString());
        assertTrue(r.warnings().contains("train would refuse this file: the train split is empty"), r.warnings().toString());
    }

    @Test
    void kappaComesFromTheTwoAnnotationFilesAndTestRowsMustBeDoubleAnnotated(@TempDir Path dir) throws IOException {
        Dataset d = data("a,news,doc1,0,One.,FAVOR,NONE,NONE,NONE,POSITIVE,test\n"
                + "b,news,doc1,1,Two.,NONE,NONE,NONE,NONE,NEUTRAL,test\n"
                + "c,news,doc2,0,Three.,NONE,AGAINST,NONE,NONE,NEGATIVE,test\n");
        String header = "id,us,ukraine,russia,europe,sentiment\n";
        Path a = Files.writeString(dir.resolve("a.csv"), header
                + "a,FAVOR,NONE,NONE,NONE,POSITIVE\nb,NONE,NONE,NONE,NONE,NEUTRAL\n");
        Path b = Files.writeString(dir.resolve("b.csv"), header
                + "a,FAVOR,NONE,NONE,NONE,NEUTRAL\nb,NONE,NONE,NONE,NONE,NEUTRAL\n");
        DatasetReport r = new DatasetChecker().check(d, a, b);
        assertEquals(2, r.doubleAnnotated());
        assertEquals(1.0, r.kappa().get("us"), 1e-12);
        assertEquals(0.0, r.kappa().get("sentiment"), 1e-12); // po 0.5, pe 0.5
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("test sentence c was not annotated twice"));
    }

    @Test
    void kappaIsAlsoReportedPerSplit(@TempDir Path dir) throws IOException {
        Dataset d = data("a,news,doc1,0,One.,FAVOR,NONE,NONE,NONE,POSITIVE,test\n"
                + "b,news,doc1,1,Two.,NONE,NONE,NONE,NONE,NEUTRAL,test\n"
                + "c,news,doc2,0,Three.,AGAINST,NONE,NONE,NONE,NEGATIVE,train\n"
                + "d,news,doc2,1,Four.,NONE,NONE,NONE,NONE,NEUTRAL,train\n");
        String header = "id,us,ukraine,russia,europe,sentiment\n";
        Path a = Files.writeString(dir.resolve("a.csv"), header + "a,FAVOR,NONE,NONE,NONE,POSITIVE\n"
                + "b,NONE,NONE,NONE,NONE,NEUTRAL\nc,AGAINST,NONE,NONE,NONE,NEGATIVE\nd,NONE,NONE,NONE,NONE,NEUTRAL\n");
        Path b = Files.writeString(dir.resolve("b.csv"), header + "a,FAVOR,NONE,NONE,NONE,POSITIVE\n"
                + "b,NONE,NONE,NONE,NONE,NEUTRAL\nc,NONE,NONE,NONE,NONE,NEGATIVE\nd,NONE,NONE,NONE,NONE,NEUTRAL\n");
        DatasetReport r = new DatasetChecker().check(d, a, b);
        assertTrue(r.passed(), r.problems().toString());
        assertEquals(java.util.Map.of("train", 2, "test", 2), r.doubleAnnotatedBySplit());
        assertEquals(1.0, r.kappaBySplit().get("test").get("us"), 1e-12);
        assertEquals(0.0, r.kappaBySplit().get("train").get("us"), 1e-12); // po 0.5, pe 0.5
        assertEquals(5.0 / 9, r.kappa().get("us"), 1e-12); // po 12/16, pe 7/16
    }
}
