package org.stancekit.inference.aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;
import org.stancekit.model.StanceModel;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Tokenizer;

/**
 * Rolls sentence predictions up into an article-level view. Per party, the sentences' stance
 * distributions become {@link PartyEvidence} and a {@link RollUpRule} turns it into the party's
 * {@code stance} and {@code score}; {@code mentions} counts the sentences that refer to the party
 * (most probable stance not NONE) and {@code confidence} is the mean of {@code 1 − P(NONE)} over
 * them: the share of probability the score rests on, so a stance built on sentences the model
 * barely sees as referring (near 0.5) can be told from one built on clear references (near 1).
 *
 * <p>Sentiment: {@code sentimentScore} is the mean over all sentences of P(POSITIVE) −
 * P(NEGATIVE); the label is POSITIVE or NEGATIVE beyond ±{@value #THRESHOLD}, NEUTRAL in between.
 */
public final class ArticleAggregator {

    /** How far from 0 the sentiment score must be to count as a direction. */
    public static final double THRESHOLD = 0.2;

    private final LabelSchema schema;
    private final RollUpRule rule;
    private final PartyLexicon lexicon;
    private final Tokenizer tokenizer = new Tokenizer();

    /**
     * An aggregator with this roll-up rule.
     *
     * @param lexicon the lexicon that says which sentences name a party (the model's own)
     */
    public ArticleAggregator(LabelSchema schema, RollUpRule rule, PartyLexicon lexicon) {
        this.schema = schema;
        this.rule = rule;
        this.lexicon = lexicon;
    }

    /** The aggregator {@code score} uses for a model: the {@linkplain RollUpRule#DEFAULT default rule}, its lexicon. */
    public static ArticleAggregator of(StanceModel<?, ?> model) {
        return new ArticleAggregator(model.schema(), RollUpRule.DEFAULT, model.lexicon());
    }

    /** The roll-up rule it applies. */
    public RollUpRule rule() {
        return rule;
    }

    /** Aggregates the scored sentences of one article. */
    public ArticleScore aggregate(String articleId, List<SentenceScore> sentences) {
        // Which parties a sentence names: only a rule that asks pays for the second tokenisation.
        List<PartyEvidence> evidence = evidence(sentences, rule.requireNamed());
        List<PartyScore> parties = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            PartyEvidence e = evidence.get(p);
            String stance = rule.stanceOf(e);
            // A party that is not the article's subject has no direction to score, whatever its mentions.
            double score = stance.equals(LabelSchema.NONE) ? 0.0 : rule.scoreOf(e);
            parties.add(new PartyScore(schema.parties().get(p), stance, score, e.mentions(), e.confidence()));
        }
        double sentiment = 0;
        for (SentenceScore s : sentences) {
            Distribution d = s.prediction().sentiment();
            sentiment += d.probability(LabelSchema.POSITIVE) - d.probability(LabelSchema.NEGATIVE);
        }
        sentiment = sentences.isEmpty() ? 0.0 : sentiment / sentences.size();
        return new ArticleScore(articleId, sentences, parties,
                direction(sentiment, LabelSchema.POSITIVE, LabelSchema.NEGATIVE, LabelSchema.NEUTRAL), sentiment);
    }

    /**
     * What the sentences say about each party, in schema order, named mentions included: what the
     * rules decide by, for analysis (the roll-up comparison's learned rule).
     */
    public List<PartyEvidence> evidence(List<SentenceScore> sentences) {
        return evidence(sentences, true);
    }

    private List<PartyEvidence> evidence(List<SentenceScore> sentences, boolean names) {
        List<Set<String>> named = new ArrayList<>(sentences.size());
        for (SentenceScore s : sentences) {
            named.add(names ? named(s.text()) : Set.of());
        }
        List<PartyEvidence> evidence = new ArrayList<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            List<Distribution> stances = new ArrayList<>(sentences.size());
            for (SentenceScore s : sentences) {
                stances.add(s.prediction().stances().get(p));
            }
            String party = schema.parties().get(p);
            evidence.add(PartyEvidence.of(stances, i -> named.get(i).contains(party)));
        }
        return evidence;
    }

    /** The parties a sentence names by an alias of the lexicon. */
    private Set<String> named(String sentence) {
        Set<String> parties = new HashSet<>();
        for (Mention m : lexicon.find(tokenizer.tokenize(sentence))) {
            parties.add(m.party());
        }
        return parties;
    }

    private static String direction(double score, String up, String down, String neither) {
        if (score >= THRESHOLD) {
            return up;
        }
        return score <= -THRESHOLD ? down : neither;
    }
}
