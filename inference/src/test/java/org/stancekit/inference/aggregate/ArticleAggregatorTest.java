package org.stancekit.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;

class ArticleAggregatorTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;
    private final ArticleAggregator aggregator = new ArticleAggregator(SCHEMA);

    /** A sentence whose US stance is {favor, against, neutral, none} and others NONE. */
    private static SentenceScore sentence(int index, double favor, double against, double neutral, double none,
                                          double positive, double negative) {
        List<Distribution> stances = new ArrayList<>();
        stances.add(new Distribution(SCHEMA.stances(), new double[] {favor, against, neutral, none}));
        for (int p = 1; p < SCHEMA.parties().size(); p++) {
            stances.add(new Distribution(SCHEMA.stances(), new double[] {0, 0, 0, 1}));
        }
        return new SentenceScore(index, "s" + index, new Prediction(stances,
                new Distribution(SCHEMA.sentiments(), new double[] {positive, negative, 1 - positive - negative})));
    }

    @Test
    void sentencesThatDoNotReferToAPartyDoNotDiluteIt() {
        List<SentenceScore> s = new ArrayList<>();
        s.add(sentence(0, 0.7, 0.1, 0.1, 0.1, 0.1, 0.1)); // refers, signed (0.7-0.1)/0.9
        for (int i = 1; i < 20; i++) {
            s.add(sentence(i, 0.0, 0.0, 0.05, 0.95, 0.0, 0.0)); // argmax NONE: ignored for US
        }
        PartyScore us = aggregator.aggregate("a", s).parties().get(0);
        assertEquals(1, us.mentions());
        assertEquals((0.7 - 0.1) / 0.9, us.score(), 1e-12);
        assertEquals("FAVOR", us.stance());
    }

    @Test
    void mixedSentencesAverageAndNearZeroIsNeutral() {
        ArticleScore a = aggregator.aggregate("a", List.of(
                sentence(0, 0.8, 0.0, 0.2, 0.0, 0, 0),    // +0.8
                sentence(1, 0.0, 0.9, 0.1, 0.0, 0, 0)));  // -0.9
        PartyScore us = a.parties().get(0);
        assertEquals(2, us.mentions());
        assertEquals(-0.05, us.score(), 1e-12);
        assertEquals("NEUTRAL", us.stance());
    }

    @Test
    void againstBeyondTheThresholdAndNoMentionsIsNone() {
        ArticleScore a = aggregator.aggregate("a", List.of(sentence(0, 0.1, 0.6, 0.2, 0.1, 0.0, 0.8)));
        assertEquals("AGAINST", a.parties().get(0).stance());
        assertEquals(-0.5 / 0.9, a.parties().get(0).score(), 1e-12);
        PartyScore ukraine = a.parties().get(1);
        assertEquals(new PartyScore("UKRAINE", "NONE", 0.0, 0, 0.0), ukraine);
        assertEquals("NEGATIVE", a.sentiment());
        assertEquals(-0.8, a.sentimentScore(), 1e-12);
    }

    @Test
    void confidenceIsTheMeanReferredMassOfTheReferringSentences() {
        ArticleScore a = aggregator.aggregate("a", List.of(
                sentence(0, 0.6, 0.1, 0.1, 0.2, 0, 0),     // refers, 1 - P(NONE) = 0.8
                sentence(1, 0.2, 0.2, 0.1, 0.5, 0, 0),     // argmax NONE: not counted
                sentence(2, 0.1, 0.35, 0.15, 0.4, 0, 0))); // refers (AGAINST 0.35 < NONE 0.4? no: NONE wins)
        PartyScore us = a.parties().get(0);
        assertEquals(1, us.mentions(), "only the first sentence's best stance is not NONE");
        assertEquals(0.8, us.confidence(), 1e-12);

        PartyScore two = aggregator.aggregate("b", List.of(
                sentence(0, 0.6, 0.1, 0.1, 0.2, 0, 0),
                sentence(1, 0.1, 0.45, 0.05, 0.4, 0, 0))).parties().get(0);
        assertEquals(2, two.mentions());
        assertEquals((0.8 + 0.6) / 2, two.confidence(), 1e-12);
        assertEquals(0.0, aggregator.aggregate("c", List.of(sentence(0, 0, 0, 0, 1, 0, 0))).parties().get(0).confidence(),
                "no mentions, no confidence");
    }

    @Test
    void sentimentIsTheMeanOverAllSentences() {
        ArticleScore a = aggregator.aggregate("a", List.of(
                sentence(0, 0, 0, 0, 1, 0.9, 0.0),
                sentence(1, 0, 0, 0, 1, 0.1, 0.1),
                sentence(2, 0, 0, 0, 1, 0.0, 0.3)));
        assertEquals(0.2, a.sentimentScore(), 1e-12);
        assertEquals("POSITIVE", a.sentiment());
        assertEquals(3, a.sentences().size());
    }
}
