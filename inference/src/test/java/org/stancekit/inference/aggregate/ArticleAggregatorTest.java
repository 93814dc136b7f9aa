package org.stancekit.inference.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Prediction;
import org.stancekit.text.PartyLexicon;

class ArticleAggregatorTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;
    /** StanceKit's first rule, whose arithmetic most tests below check. */
    private static final PartyLexicon LEXICON = PartyLexicon.loadDefault();
    private final ArticleAggregator aggregator = new ArticleAggregator(SCHEMA, RollUpRule.HAND_SET, LEXICON);
    private final ArticleAggregator chosen = new ArticleAggregator(SCHEMA, RollUpRule.DEFAULT, LEXICON);

    /** A sentence that names the US, whose US stance is {favor, against, neutral, none} and others NONE. */
    private static SentenceScore sentence(int index, double favor, double against, double neutral, double none,
                                          double positive, double negative) {
        List<Distribution> stances = new ArrayList<>();
        stances.add(new Distribution(SCHEMA.stances(), new double[] {favor, against, neutral, none}));
        for (int p = 1; p < SCHEMA.parties().size(); p++) {
            stances.add(new Distribution(SCHEMA.stances(), new double[] {0, 0, 0, 1}));
        }
        return new SentenceScore(index, "Washington, sentence " + index + ".", new Prediction(stances,
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

    @Test
    void theChosenRuleCountsMostProbableStances() {
        assertEquals(RollUpRule.DEFAULT, chosen.rule());
        PartyScore us = chosen.aggregate("a", List.of(
                sentence(0, 0.5, 0.2, 0.2, 0.1, 0, 0),    // FAVOR
                sentence(1, 0.4, 0.3, 0.2, 0.1, 0, 0),    // FAVOR
                sentence(2, 0.1, 0.8, 0.0, 0.1, 0, 0),    // AGAINST
                sentence(3, 0.0, 0.0, 0.1, 0.9, 0, 0)))   // NONE: not counted
                .parties().get(0);
        assertEquals(3, us.mentions());
        assertEquals(1.0 / 3, us.score(), 1e-12);
        assertEquals("FAVOR", us.stance());
    }

    @Test
    void twoNeutralSentencesLeaningAgainstStayNeutral() {
        // The reported case: an EU sanctions article whose Ukraine roll-up came out AGAINST from two
        // sentences whose most probable stance was NEUTRAL. By the hand-set rule the leaning of the
        // probabilities decides; by the chosen rule the sentences' own labels do.
        List<SentenceScore> s = List.of(sentence(0, 0.05, 0.40, 0.50, 0.05, 0, 0),
                sentence(1, 0.05, 0.35, 0.55, 0.05, 0, 0));
        assertEquals("AGAINST", aggregator.aggregate("a", s).parties().get(0).stance());
        PartyScore us = chosen.aggregate("a", s).parties().get(0);
        assertEquals("NEUTRAL", us.stance());
        assertEquals(0.0, us.score(), 1e-12);
    }

    @Test
    void aTieOfDirectionsIsNeutralAndTooFewMentionsAreNone() {
        List<SentenceScore> tie = List.of(sentence(0, 0.9, 0.0, 0.1, 0.0, 0, 0), sentence(1, 0.0, 0.9, 0.1, 0.0, 0, 0));
        assertEquals("NEUTRAL", chosen.aggregate("a", tie).parties().get(0).stance());
        ArticleAggregator twoNeeded = new ArticleAggregator(SCHEMA, new RollUpRule(RollUpRule.Score.VOTES, 0.05, 2, false), LEXICON);
        assertEquals("NONE", twoNeeded.aggregate("a", tie.subList(0, 1)).parties().get(0).stance());
        assertEquals("FAVOR", new ArticleAggregator(SCHEMA, new RollUpRule(RollUpRule.Score.MASS, 0.2, 1, false), LEXICON)
                .aggregate("a", tie.subList(0, 1)).parties().get(0).stance());
    }

    @Test
    void theCandidatesCoverEveryScoreAndInvalidRulesAreRefused() {
        assertEquals(RollUpRule.Score.values().length * 6 * 3 * 2, RollUpRule.candidates().size());
        assertTrue(RollUpRule.candidates().contains(RollUpRule.DEFAULT));
        assertTrue(RollUpRule.candidates().contains(RollUpRule.HAND_SET));
        assertEquals("votes ±0.05, ≥1 mention, named", RollUpRule.DEFAULT.describe());
        assertThrows(IllegalArgumentException.class, () -> new RollUpRule(RollUpRule.Score.VOTES, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new RollUpRule(RollUpRule.Score.VOTES, 0.2, 0, false));
    }

    @Test
    void theDriversAreTheSentencesThatVotedForTheArticleStanceMostProbableFirst() {
        ArticleScore a = chosen.aggregate("a", List.of(
                sentence(0, 0.6, 0.2, 0.1, 0.1, 0, 0),    // FAVOR 0.6
                sentence(1, 0.1, 0.7, 0.1, 0.1, 0, 0),    // AGAINST: not a driver of FAVOR
                sentence(2, 0.9, 0.0, 0.1, 0.0, 0, 0),    // FAVOR 0.9
                sentence(3, 0.6, 0.1, 0.2, 0.1, 0, 0),    // FAVOR 0.6, later than sentence 0
                sentence(4, 0.5, 0.1, 0.3, 0.1, 0, 0)));  // FAVOR 0.5
        assertEquals("FAVOR", a.parties().get(0).stance());
        assertEquals(List.of(2, 0, 3), a.drivers(0, 3).stream().map(SentenceScore::index).toList());
        assertEquals(List.of(), a.drivers(1, 3), "NONE has no drivers");
    }

    @Test
    void aRuleThatRequiresANamedMentionIgnoresAPartyReachedOnlyThroughPronouns() {
        SentenceScore named = sentence(0, 0.6, 0.1, 0.2, 0.1, 0, 0);
        SentenceScore unnamed = new SentenceScore(1, "We will not give up.", named.prediction());
        ArticleAggregator anyMention = new ArticleAggregator(SCHEMA, new RollUpRule(RollUpRule.Score.VOTES, 0.05, 1, false),
                LEXICON);
        assertEquals("FAVOR", anyMention.aggregate("a", List.of(unnamed)).parties().get(0).stance());
        PartyScore none = chosen.aggregate("a", List.of(unnamed)).parties().get(0);
        assertEquals("NONE", none.stance(), "the model took the 'we' for the US, but nothing names it");
        assertEquals(0.0, none.score(), "no direction is scored for a party that is not the subject");
        assertEquals(1, none.mentions(), "the sentence the model took as referring is still counted");
        PartyScore both = chosen.aggregate("b", List.of(named, unnamed)).parties().get(0);
        assertEquals("FAVOR", both.stance());
        assertEquals(2, both.mentions(), "once named, every referring sentence votes");
        assertEquals("votes ±0.05, ≥1 mention, named", RollUpRule.DEFAULT.describe());
    }
}
