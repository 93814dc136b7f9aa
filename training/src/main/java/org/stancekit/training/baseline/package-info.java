/**
 * Reference classifiers for {@code stancekit evaluate --baselines}: a per-head majority class and
 * two Weka classifiers (multinomial naive Bayes and a linear SVM) over the same features the
 * network reads, fitted on the same train split. They say how much of the network's score a
 * simple model already reaches.
 */
package org.stancekit.training.baseline;
