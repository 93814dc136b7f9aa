/**
 * Reading the job's inputs into one Dataset of {@link org.stancekit.spark.read.ArticleRows}:
 * files with the readers of {@code stancekit score} ({@link org.stancekit.spark.read.FileInputs}),
 * Parquet and other tables by their id and text columns ({@link org.stancekit.spark.read.TableInputs}).
 */
package org.stancekit.spark.read;
