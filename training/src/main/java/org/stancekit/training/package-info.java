/**
 * Learning from labelled sentences: the dataset reader, the training configuration, the trainer
 * that fits the network with early stopping on the dev split, and dataset checks.
 */
package org.stancekit.training;
