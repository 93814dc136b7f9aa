package org.stancekit.inference.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stancekit.domain.Article;
import org.stancekit.domain.Distribution;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.aggregate.ArticleScore;
import org.stancekit.inference.Scorer;
import org.stancekit.inference.aggregate.SentenceScore;
import org.stancekit.inference.TestModel;

/**
 * Order, equivalence and failure behaviour of the streaming pipeline. Timeouts only guard
 * against a hang (a failing stage must never leave the others waiting); no speed is measured.
 */
@Timeout(60)
class ScoringPipelineTest {

    private static final String[] SENTENCES = {
        "Russian missiles struck a hospital in Kharkiv.", "Ukraine thanked the European Union for its support.",
        "Trump said Zelenskyy was not grateful.", "The weather was mild on Sunday.",
        "Putin has shown no interest in a ceasefire.", "Starmer expressed hope for a positive outcome.",
        "The Kremlin denied the report, calling it \"absurd\" and \"hostile\"!"};

    /** Articles of 0 to 12 sentences (lengths skewed so that encoders finish out of order). */
    static List<Article> articles(int n, long seed) {
        Random random = new Random(seed);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            int sentences = i % 17 == 0 ? 0 : 1 + random.nextInt(i % 5 == 0 ? 12 : 3);
            for (int k = 0; k < sentences; k++) {
                text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(k % 4 == 3 ? "\n" : " ");
            }
            out.add(new Article("a" + i, text.length() == 0 ? " " : text.toString()));
        }
        return out;
    }

    private static PipelineOptions tiny(int workers) {
        // Tiny windows and batches: many windows, batches across article boundaries, heavy reordering.
        return PipelineOptions.defaults(TestModel.bundle()).withWorkers(workers).withBatching(5, 60, 11);
    }

    @Test
    void resultsComeInInputOrderAndMatchScoringOneByOne() throws IOException {
        List<Article> articles = articles(300, 1);
        Scorer reference = new Scorer(TestModel.bundle());
        List<PipelineResult> results = new ArrayList<>();
        boolean complete = new ScoringPipeline(TestModel.bundle(), tiny(4)).run(emit -> {
            for (int i = 0; i < articles.size(); i++) {
                emit.accept(new PipelineInput(new ArticleInput.Loaded(articles.get(i), "in:" + i), i));
            }
        }, results::add);
        assertTrue(complete);
        assertEquals(articles.size(), results.size());
        for (int i = 0; i < articles.size(); i++) {
            PipelineResult.Scored s = assertInstanceOf(PipelineResult.Scored.class, results.get(i));
            assertEquals("a" + i, s.score().articleId());
            assertEquals("in:" + i, s.location());
            assertEquals(i, s.position());
            assertSameScores(reference.score(articles.get(i)), s.score());
        }
    }

    @Test
    void failedInputsPassThroughInTheirPlace() throws IOException {
        List<PipelineResult> results = new ArrayList<>();
        new ScoringPipeline(TestModel.bundle(), tiny(2)).run(emit -> {
            for (int i = 0; i < 40; i++) {
                ArticleInput in = i % 3 == 0 ? new ArticleInput.Failed("in:" + i, "f" + i, "bad")
                        : new ArticleInput.Loaded(new Article("a" + i, SENTENCES[i % SENTENCES.length]), "in:" + i);
                emit.accept(new PipelineInput(in, i));
            }
        }, results::add);
        for (int i = 0; i < 40; i++) {
            if (i % 3 == 0) {
                assertEquals("f" + i, assertInstanceOf(PipelineResult.Failed.class, results.get(i)).failure().id());
            } else {
                assertEquals("a" + i, assertInstanceOf(PipelineResult.Scored.class, results.get(i)).score().articleId());
            }
        }
    }

    @Test
    void aFailingSinkEndsTheRunWithItsException() {
        IOException boom = new IOException("disk full");
        int[] accepted = {0};
        IOException thrown = assertThrows(IOException.class, () -> new ScoringPipeline(TestModel.bundle(), tiny(2)).run(
                emit -> {
                    for (Article a : articles(2_000, 2)) {
                        emit.accept(new PipelineInput(new ArticleInput.Loaded(a, "x"), -1));
                    }
                },
                r -> {
                    if (++accepted[0] == 25) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
    }

    @Test
    void aFailingSourceEndsTheRunWithItsExceptionAfterWhatWasReadBefore() {
        List<PipelineResult> results = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new ScoringPipeline(TestModel.bundle(), tiny(2)).run(emit -> {
                    for (int i = 0; i < 30; i++) {
                        emit.accept(new PipelineInput(new ArticleInput.Loaded(new Article("a" + i, SENTENCES[0]), "x"), i));
                    }
                    throw new IllegalStateException("source broke");
                }, results::add));
        assertEquals("source broke", thrown.getMessage());
        assertEquals(30, results.size(), "everything read before the failure is handed over first");
    }

    @Test
    void stopReturnsEarlyAfterACompletePrefix() throws IOException {
        ScoringPipeline pipeline = new ScoringPipeline(TestModel.bundle(), tiny(2));
        List<PipelineResult> results = new ArrayList<>();
        boolean complete = pipeline.run(emit -> {
            for (Article a : articles(5_000, 3)) {
                emit.accept(new PipelineInput(new ArticleInput.Loaded(a, "x"), -1));
            }
        }, r -> {
            results.add(r);
            if (results.size() == 10) {
                pipeline.stop();
            }
        });
        assertFalse(complete);
        assertEquals(10, results.size());
        for (int i = 0; i < 10; i++) {
            assertEquals("a" + i, ((PipelineResult.Scored) results.get(i)).score().articleId());
        }
    }

    /** Same sentences and labels; probabilities equal up to float rounding (batch composition differs). */
    static void assertSameScores(ArticleScore expected, ArticleScore actual) {
        assertEquals(expected.articleId(), actual.articleId());
        assertEquals(expected.sentences().size(), actual.sentences().size());
        for (int k = 0; k < expected.sentences().size(); k++) {
            SentenceScore e = expected.sentences().get(k);
            SentenceScore a = actual.sentences().get(k);
            assertEquals(e.index(), a.index());
            assertEquals(e.text(), a.text());
            for (int p = 0; p < e.prediction().stances().size(); p++) {
                assertClose(e.prediction().stances().get(p), a.prediction().stances().get(p));
            }
            assertClose(e.prediction().sentiment(), a.prediction().sentiment());
        }
        for (int p = 0; p < expected.parties().size(); p++) {
            assertEquals(expected.parties().get(p).mentions(), actual.parties().get(p).mentions());
            assertEquals(expected.parties().get(p).score(), actual.parties().get(p).score(), 1e-5);
        }
    }

    private static void assertClose(Distribution e, Distribution a) {
        double[] x = e.probabilities();
        double[] y = a.probabilities();
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], 1e-5);
        }
    }
}
