/**
 * The DL4J network: its hyperparameters ({@link org.stancekit.network.NetworkSpec}) and the
 * factory that builds the multi-task graph, one softmax head per party plus one for sentiment.
 */
package org.stancekit.network;
