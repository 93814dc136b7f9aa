/**
 * The {@code spark-score} command: the launcher's verb and the job jar's main class
 * ({@link org.stancekit.spark.cli.SparkScoreCli}).
 */
package org.stancekit.spark.cli;
