package org.stancekit.features;

/**
 * How sentences become features; stored in every bundle's manifest so that inference encodes
 * exactly as training did.
 *
 * @param ngrams longest word n-gram (1 or 2 or 3)
 * @param contextWindow how many tokens either side of a party mention yield party-specific
 *                      context features; 0 turns them off
 * @param minCount features seen fewer times in the training split are dropped
 * @param maxVocabulary the most frequent features kept at most
 * @param maxFeatures features per sentence at most (the network input width)
 */
public record FeatureSettings(int ngrams, int contextWindow, int minCount, int maxVocabulary, int maxFeatures) {

    /** The settings of the shipped model. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 8, 2, 50_000, 200);

    public FeatureSettings {
        if (ngrams < 1 || ngrams > 3) {
            throw new IllegalArgumentException("ngrams must be 1, 2 or 3, got " + ngrams);
        }
        if (contextWindow < 0 || contextWindow > 20) {
            throw new IllegalArgumentException("contextWindow must be in 0..20, got " + contextWindow);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxVocabulary < 10) {
            throw new IllegalArgumentException("maxVocabulary must be at least 10, got " + maxVocabulary);
        }
        if (maxFeatures < 8) {
            throw new IllegalArgumentException("maxFeatures must be at least 8, got " + maxFeatures);
        }
    }
}
