/**
 * Featurisation of the fast model, shared by its training and its scoring: the vocabulary of
 * features (words, bigrams, character 3-grams, party features) and the one
 * {@link org.stancekit.features.FeatureEncoder} that turns sentences into network input. The
 * transformer's featurisation is {@link org.stancekit.transformer.TransformerFeaturizer}.
 */
package org.stancekit.features;
