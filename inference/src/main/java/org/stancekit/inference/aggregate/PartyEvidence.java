package org.stancekit.inference.aggregate;

import java.util.List;
import java.util.function.IntPredicate;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.LabelSchema;

/**
 * What an article's sentences say about one party, gathered once for every {@link RollUpRule}. A
 * sentence <em>refers</em> to the party when its most probable stance toward it is not NONE; only
 * referring sentences count, so a long article that names a party once is judged by that sentence,
 * not diluted by the rest.
 *
 * @param mentions referring sentences
 * @param named referring sentences that also name the party by an alias of the party lexicon
 *              (not only by a pronoun, a "we" or a role the model took for it)
 * @param favourVotes referring sentences whose most probable stance is FAVOR
 * @param againstVotes … AGAINST
 * @param balanceSum sum over referring sentences of {@code (P(FAVOR) − P(AGAINST)) / (1 − P(NONE))},
 *                   each clamped to [-1, 1]: the balance of favour and opposition among the mass
 *                   that says "referred to"
 * @param referredSum sum over referring sentences of {@code 1 − P(NONE)}
 * @param favourMass sum over referring sentences of P(FAVOR)
 * @param againstMass sum over referring sentences of P(AGAINST)
 */
public record PartyEvidence(int mentions, int named, int favourVotes, int againstVotes, double balanceSum,
                            double referredSum, double favourMass, double againstMass) {

    /**
     * The evidence of one party's stance distributions, one per sentence, in sentence order.
     *
     * @param names whether each sentence names the party by a lexicon alias
     */
    public static PartyEvidence of(List<Distribution> stances, IntPredicate names) {
        int mentions = 0;
        int named = 0;
        int favour = 0;
        int against = 0;
        double balance = 0;
        double referredSum = 0;
        double favourMass = 0;
        double againstMass = 0;
        for (int i = 0; i < stances.size(); i++) {
            Distribution d = stances.get(i);
            String best = d.best();
            if (best.equals(LabelSchema.NONE)) {
                continue;
            }
            mentions++;
            named += names.test(i) ? 1 : 0;
            favour += best.equals(LabelSchema.FAVOR) ? 1 : 0;
            against += best.equals(LabelSchema.AGAINST) ? 1 : 0;
            double referred = 1.0 - d.probability(LabelSchema.NONE);
            referredSum += referred;
            double f = d.probability(LabelSchema.FAVOR);
            double a = d.probability(LabelSchema.AGAINST);
            favourMass += f;
            againstMass += a;
            double signed = referred <= 1e-9 ? 0.0 : (f - a) / referred;
            balance += Math.max(-1.0, Math.min(1.0, signed));
        }
        return new PartyEvidence(mentions, named, favour, against, balance, referredSum, favourMass, againstMass);
    }

    /** Mean per-sentence balance over the referring sentences, in [-1, 1]; 0 without mentions. */
    public double meanBalance() {
        return mentions == 0 ? 0.0 : balanceSum / mentions;
    }

    /** {@code (FAVOR votes − AGAINST votes) / mentions}, in [-1, 1]; 0 without mentions. */
    public double voteBalance() {
        return mentions == 0 ? 0.0 : (double) (favourVotes - againstVotes) / mentions;
    }

    /**
     * {@code (ΣP(FAVOR) − ΣP(AGAINST)) / Σ(1 − P(NONE))} over the referring sentences: each sentence
     * weighted by how firmly it refers to the party; in [-1, 1], 0 without mentions.
     */
    public double massBalance() {
        return referredSum <= 1e-9 ? 0.0 : Math.max(-1.0, Math.min(1.0, (favourMass - againstMass) / referredSum));
    }

    /** Mean over the referring sentences of {@code 1 − P(NONE)}, in [0, 1]; 0 without mentions. */
    public double confidence() {
        return mentions == 0 ? 0.0 : Math.max(0.0, Math.min(1.0, referredSum / mentions));
    }
}
