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
 * @param charNgrams longest character n-gram of a word: with 3 to 6, every word also yields its
 *                   character n-grams of length 3 up to this, with {@code <} and {@code >} marking
 *                   its ends (fastText's subwords), so that unseen inflections and names share
 *                   features with seen ones; 0 turns them off (missing in bundles written before it
 *                   existed, which read as 0)
 * @param sentenceEncoder always {@value #NO_SENTENCE_ENCODER}: kept so that manifests that name it
 *                        still read. Fast models once read a frozen pretrained encoder's vectors
 *                        here; the fine-tuned transformer model replaced them (better on every
 *                        measure, see {@code docs/experiments.md})
 */
public record FeatureSettings(int ngrams, int contextWindow, int minCount, int maxVocabulary, int maxFeatures,
                              int charNgrams, String sentenceEncoder) {

    /** {@link #sentenceEncoder} value of models that read the bag of features alone. */
    public static final String NO_SENTENCE_ENCODER = "none";

    /**
     * The settings of the shipped model: words and bigrams, party context within 8 tokens, and
     * character 3-grams. Over three seeds the 3-grams (with the smaller embeddings of
     * {@code NetworkSpec.DEFAULT}) added 0.010 of test stance and 0.021 of sentiment macro-F1 to
     * the plain bag (see docs/history-fast-model.md); they cost about half the scoring speed,
     * which still meets the batch-scoring target.
     */
    public static final FeatureSettings DEFAULT = new FeatureSettings(2, 8, 2, 50_000, 300, 3);

    /** Settings without character n-grams or a sentence encoder. */
    public FeatureSettings(int ngrams, int contextWindow, int minCount, int maxVocabulary, int maxFeatures) {
        this(ngrams, contextWindow, minCount, maxVocabulary, maxFeatures, 0);
    }

    /** Settings without a sentence encoder. */
    public FeatureSettings(int ngrams, int contextWindow, int minCount, int maxVocabulary, int maxFeatures,
                           int charNgrams) {
        this(ngrams, contextWindow, minCount, maxVocabulary, maxFeatures, charNgrams, NO_SENTENCE_ENCODER);
    }

    public FeatureSettings {
        if (sentenceEncoder == null) {
            sentenceEncoder = NO_SENTENCE_ENCODER;
        }
        if (!NO_SENTENCE_ENCODER.equals(sentenceEncoder)) {
            throw new IllegalArgumentException("sentenceEncoder must be " + NO_SENTENCE_ENCODER + ", got " + sentenceEncoder
                    + ": the fast model no longer reads a pretrained encoder's vectors; train the transformer model "
                    + "(model=transformer) for a pretrained encoder");
        }
        if (charNgrams != 0 && (charNgrams < 3 || charNgrams > 6)) {
            throw new IllegalArgumentException("charNgrams must be 0 (off) or 3..6, got " + charNgrams);
        }
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
