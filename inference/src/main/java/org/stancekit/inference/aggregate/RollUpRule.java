package org.stancekit.inference.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stancekit.domain.LabelSchema;

/**
 * How an article's stance toward a party follows from its sentences ({@link PartyEvidence}): a
 * signed score in [-1, 1], FAVOR at or above {@code threshold}, AGAINST at or below its negative,
 * NEUTRAL in between, and NONE when fewer than {@code minMentions} sentences refer to the party.
 *
 * <p>{@link #DEFAULT} is the rule chosen on the labelled dev articles ({@code docs/rollup.md}):
 * the count of the sentences' most probable stances, FAVOR or AGAINST when one direction leads by at
 * least 5% of the referring sentences, and NONE unless some referring sentence names the party.
 *
 * @param score what the score is made of
 * @param threshold how far from 0 the score must be to count as a direction, in (0, 1]
 * @param minMentions the referring sentences needed for any stance but NONE, at least 1
 * @param requireNamed when true, NONE also unless at least one referring sentence names the party
 *                     by a lexicon alias: a party the article only "refers" to through pronouns
 *                     or a speaker's "we" is not counted as its subject
 */
public record RollUpRule(Score score, double threshold, int minMentions, boolean requireNamed) {

    /** The score a rule thresholds. */
    public enum Score {
        /** Mean per-sentence balance ({@link PartyEvidence#meanBalance()}): StanceKit's first rule. */
        BALANCE,
        /** Count of most probable stances ({@link PartyEvidence#voteBalance()}). */
        VOTES,
        /** Balance weighted by how firmly each sentence refers to the party ({@link PartyEvidence#massBalance()}). */
        MASS
    }

    /** The rule StanceKit used before article labels existed, set by hand: mean balance, ±0.2. */
    public static final RollUpRule HAND_SET = new RollUpRule(Score.BALANCE, 0.2, 1, false);

    /**
     * The rule {@code score} uses, the best of {@link #candidates()} on the 109 labelled dev articles
     * (mean article macro-F1 0.698 against 0.520 for {@link #HAND_SET}; {@code docs/rollup.md}):
     * the direction most of the referring sentences take, by their most probable stance, and NONE
     * when no referring sentence names the party.
     */
    public static final RollUpRule DEFAULT = new RollUpRule(Score.VOTES, 0.05, 1, true);

    public RollUpRule {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        if (minMentions < 1) {
            throw new IllegalArgumentException("minMentions must be at least 1, got " + minMentions);
        }
    }

    /** The signed score of this evidence, in [-1, 1]. */
    public double scoreOf(PartyEvidence e) {
        return switch (score) {
            case BALANCE -> e.meanBalance();
            case VOTES -> e.voteBalance();
            case MASS -> e.massBalance();
        };
    }

    /** The article-level stance this evidence gives. */
    public String stanceOf(PartyEvidence e) {
        if (e.mentions() < minMentions || requireNamed && e.named() == 0) {
            return LabelSchema.NONE;
        }
        double s = scoreOf(e);
        if (s >= threshold) {
            return LabelSchema.FAVOR;
        }
        return s <= -threshold ? LabelSchema.AGAINST : LabelSchema.NEUTRAL;
    }

    /** A short name, e.g. {@code votes ±0.20, ≥1 mention} ({@code , named} when a named mention is required). */
    public String describe() {
        return String.format(Locale.ROOT, "%s ±%.2f, ≥%d mention%s%s", score.name().toLowerCase(Locale.ROOT), threshold,
                minMentions, minMentions == 1 ? "" : "s", requireNamed ? ", named" : "");
    }

    /**
     * The rules compared when choosing {@link #DEFAULT}: every score, thresholds 0.05 to 0.5, one
     * to three mentions needed, with and without a named mention required.
     */
    public static List<RollUpRule> candidates() {
        List<RollUpRule> all = new ArrayList<>();
        for (Score s : Score.values()) {
            for (double t : new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 0.5}) {
                for (int m = 1; m <= 3; m++) {
                    all.add(new RollUpRule(s, t, m, false));
                    all.add(new RollUpRule(s, t, m, true));
                }
            }
        }
        return all;
    }
}
