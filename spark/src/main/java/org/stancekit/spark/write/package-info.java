/**
 * Writing the job's outputs through Spark's file commit protocol:
 * {@link org.stancekit.spark.write.ResultWriter} writes sentences, articles and errors as Parquet,
 * or as CSV or JSONL lines made by the inference module ({@link org.stancekit.spark.write.LinesFileFormat}).
 */
package org.stancekit.spark.write;
