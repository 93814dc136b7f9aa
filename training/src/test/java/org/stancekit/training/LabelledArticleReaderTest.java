package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Split;

class LabelledArticleReaderTest {

    private static final String HEADER = "doc_id,source,split,text,us,ukraine,russia,europe,annotation\n";
    private final LabelledArticleReader reader = new LabelledArticleReader(LabelSchema.DEFAULT);

    @Test
    void readsWholeDocumentsWithTheirStancesAndIgnoresExtraColumns() throws IOException {
        List<LabelledArticle> a = reader.read(new StringReader("title," + HEADER
                + "t,d1,news,test,\"Line one.\nLine two.\",favor,AGAINST,NONE,NEUTRAL,double-agreed\n"), "a.csv");
        assertEquals(1, a.size());
        assertEquals("d1", a.get(0).docId());
        assertEquals("Line one.\nLine two.", a.get(0).text());
        assertEquals(List.of("FAVOR", "AGAINST", "NONE", "NEUTRAL"), a.get(0).stances());
        assertEquals(Split.TEST, a.get(0).split());
        assertEquals("double-agreed", a.get(0).annotation());
    }

    @Test
    void everyBadRowIsReportedWithItsLine() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> reader.read(new StringReader(HEADER
                + "d1,news,test,Text.,FAVOR,MAYBE,NONE,NONE,single\n"
                + "d2,news,later,Text.,FAVOR,FAVOR,NONE,NONE,single\n"
                + "d3,news,dev,,FAVOR,FAVOR,NONE,NONE,single\n"
                + "d4,news,dev,Text.,FAVOR,FAVOR,NONE,NONE,triple\n"
                + "d5,news,dev,Text.,FAVOR,FAVOR,NONE,NONE,single\n"
                + "d5,news,dev,Text.,FAVOR,FAVOR,NONE,NONE,single\n"), "a.csv"));
        assertEquals(List.of(
                "a.csv:2: unknown stance label 'MAYBE' in column 'ukraine' (expected one of FAVOR, AGAINST, NEUTRAL, NONE)",
                "a.csv:3: unknown split 'later' in column 'split' (expected train, dev or test)",
                "a.csv:4: empty text (doc_id d3)",
                "a.csv:5: unknown annotation 'triple' (expected one of single, double-agreed, double-adjudicated)",
                "a.csv:7: duplicate doc_id 'd5'"), e.problems());
    }

    @Test
    void aMissingColumnIsNamed() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> reader.read(new StringReader("doc_id,split,text,us\n"), "a.csv"));
        assertTrue(e.problems().get(0).startsWith("a.csv:1: missing columns source, ukraine, russia, europe"),
                e.problems().toString());
    }

    @Test
    void theCheckHoldsDocumentsToTheSplitOfTheirSentencesAndComputesAgreement(@TempDir Path dir) throws IOException {
        Dataset sentences = new LabelledCsvReader(LabelSchema.DEFAULT).read(new StringReader(
                "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split\n"
                        + "s1,news,d1,0,A.,NONE,NONE,NONE,NONE,NEUTRAL,test\n"
                        + "s2,news,d2,0,B.,NONE,NONE,NONE,NONE,NEUTRAL,dev\n"), "s.csv");
        List<LabelledArticle> articles = reader.read(new StringReader(HEADER
                + "d1,news,test,A.,FAVOR,NONE,NONE,NONE,single\n"
                + "d2,news,test,B.,FAVOR,NONE,NONE,NONE,double-agreed\n"
                + "d9,news,dev,C.,FAVOR,NONE,NONE,NONE,single\n"), "a.csv");
        Path a = Files.writeString(dir.resolve("pass-a.csv"), "doc_id,us,ukraine,russia,europe,reason\n"
                + "d1,FAVOR,NONE,NONE,NONE,x\nd2,FAVOR,NONE,NONE,NONE,x\nd3,AGAINST,NONE,NONE,NONE,x\n");
        Path b = Files.writeString(dir.resolve("pass-b.csv"), "doc_id,us,ukraine,russia,europe,reason\n"
                + "d1,FAVOR,NONE,NONE,NONE,y\nd3,NEUTRAL,NONE,NONE,NONE,y\n");
        ArticleLabelsCheck.Result r = ArticleLabelsCheck.check(articles, sentences, a, b);
        assertEquals(List.of(
                "test article d1 was not annotated twice (annotation 'single')",
                "article d2 is in test but its sentences are in dev (a document keeps the split of its sentences)",
                "article d9 has no sentences in s.csv",
                "test article d2 is missing from " + a + " or " + b), r.problems());
        assertEquals(2, r.doubleAnnotated());
        assertEquals(CohenKappa.of(List.of("FAVOR", "AGAINST"), List.of("FAVOR", "NEUTRAL")), r.kappa().get("us"), 1e-12);
        assertTrue(ArticleLabelsCheck.summary(r, Path.of("a.csv")).contains("article labels check FAILED"));
    }
}
