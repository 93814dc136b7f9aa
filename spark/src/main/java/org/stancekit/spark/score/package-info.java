/**
 * Scoring partitions on executors with the scoring code of {@code stancekit score}:
 * {@link org.stancekit.spark.score.PartitionScorer} runs one
 * {@link org.stancekit.inference.pipeline.ScoringPipeline} per partition
 * ({@link org.stancekit.spark.score.PipelineIterator}) and
 * {@link org.stancekit.spark.score.ResultRows} turns each result into rows of the three outputs.
 */
package org.stancekit.spark.score;
