package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.text.SentenceSplitter;

/** The committed dataset passes its own check and meets the targets the dataset card states. */
class RealDatasetTest {

    private static Dataset dataset;
    private static DatasetReport report;

    @BeforeAll
    static void check() throws Exception {
        dataset = new LabelledCsvReader(LabelSchema.DEFAULT).read(EndToEndTest.DATASET);
        List<Path[]> agreement = DatasetChecker.defaultAgreementPairs(EndToEndTest.DATASET);
        assertTrue(agreement.size() >= 2, "datasets/agreement/ must hold the pairs of rounds 1-2 and round 3");
        report = new DatasetChecker().check(dataset, agreement);
    }

    @Test
    void theCommittedDatasetPassesTheCheck() {
        assertTrue(report.passed(), report.problems().toString());
        assertTrue(report.sentences() >= 12_000, "sentences: " + report.sentences());
        report.referring().forEach((party, n) -> assertTrue(n >= 400, party + " referring: " + n));
        assertTrue(report.bySplit().get("test") >= 1350, "test: " + report.bySplit().get("test"));
        assertTrue(report.doubleAnnotatedBySplit().getOrDefault("train", 0)
                + report.doubleAnnotatedBySplit().getOrDefault("dev", 0) >= 1500, "train and dev double-annotated");
        assertTrue(report.doubleAnnotated() >= report.bySplit().get("test"));
        assertTrue(report.noParty() >= 0.15 * report.sentences(), "no-party rows: " + report.noParty());
        assertEquals(List.of("us", "ukraine", "russia", "europe", "sentiment"), new ArrayList<>(report.kappa().keySet()));
        report.kappa().values().forEach(k -> assertTrue(k > 0 && k <= 1, "kappa " + k));
    }

    @Test
    void theCommittedArticleLabelsPassTheirCheckWithTestDocumentsAnnotatedTwice() throws Exception {
        Path labelled = EndToEndTest.DATASET.resolveSibling(LabelledArticleReader.FILE_NAME);
        Path passes = EndToEndTest.DATASET.toAbsolutePath().getParent().resolveSibling(ArticleLabelsCheck.PASSES_FOLDER);
        List<LabelledArticle> articles = new LabelledArticleReader(LabelSchema.DEFAULT).read(labelled);
        ArticleLabelsCheck.Result r = ArticleLabelsCheck.check(articles, dataset, passes.resolve("pass-a.csv"),
                passes.resolve("pass-b.csv"));
        assertTrue(r.passed(), r.problems().toString());
        assertTrue(articles.size() >= 300, "documents: " + articles.size());
        assertTrue(r.doubleAnnotated() >= r.bySplit().get("test"), "every test document in both passes");
        assertEquals(List.of("us", "ukraine", "russia", "europe"), new ArrayList<>(r.kappa().keySet()));
        r.kappa().values().forEach(k -> assertTrue(k > 0 && k <= 1, "kappa " + k));
        for (String source : List.of("seed", "ukraine-crisis-2014", "kremlin-2022", "whitehouse-statements",
                "un-general-debate", "zelensky-2022")) {
            assertTrue(articles.stream().anyMatch(a -> a.source().equals(source)), "documents of " + source);
        }
    }

    @Test
    void seedArticleSentencesAreTheSplitterOutputMinusStrayLines() throws Exception {
        SentenceSplitter splitter = new SentenceSplitter();
        List<Path> articles;
        try (Stream<Path> files = Files.list(EndToEndTest.ARTICLES)) {
            articles = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(2, articles.size());
        for (Path article : articles) {
            String doc = article.getFileName().toString().replace(".txt", "");
            List<String> labelled = dataset.sentences().stream().filter(s -> s.docId().equals(doc))
                    .map(LabelledSentence::text).toList();
            List<String> split = splitter.split(Files.readString(article));
            assertTrue(labelled.size() >= split.size() - 5, doc + ": only the stray lines may be missing");
            // The labelled sentences appear in the splitter's output, in order (a subsequence).
            int at = 0;
            for (String sentence : labelled) {
                while (at < split.size() && !split.get(at).equals(sentence)) {
                    at++;
                }
                assertTrue(at < split.size(), doc + ": splitter does not produce '" + sentence + "'");
                at++;
            }
        }
    }
}
