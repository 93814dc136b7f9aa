/**
 * Featurisation shared by training and inference: the vocabulary of features, the one
 * {@link org.stancekit.features.FeatureEncoder} that turns sentences into network input, and, for
 * the accurate model, the pretrained {@link org.stancekit.features.SentenceEmbedder} whose
 * sentence and party vectors the network reads beside the features.
 */
package org.stancekit.features;
