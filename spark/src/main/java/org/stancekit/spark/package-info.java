/**
 * StanceKit on Apache Spark: {@link org.stancekit.spark.StanceKitSpark} scores a Dataset or files
 * on a cluster with the scoring code of {@code stancekit score}; the subpackages read the inputs
 * ({@code read}), ship the model ({@code model}), score partitions ({@code score}), write the
 * outputs ({@code write}), and {@code cli} is the {@code spark-score} command and the job jar's
 * entry point. Nothing here is used by the command line's other verbs, which never load Spark.
 */
package org.stancekit.spark;
