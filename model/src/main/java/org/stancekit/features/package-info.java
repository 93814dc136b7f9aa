/**
 * Featurisation shared by training and inference: the vocabulary of features and the one
 * {@link org.stancekit.features.FeatureEncoder} that turns sentences into network input.
 */
package org.stancekit.features;
