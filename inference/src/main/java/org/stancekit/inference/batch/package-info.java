/**
 * A whole scoring run over files: {@link org.stancekit.inference.batch.BatchScorer} reads, scores
 * and writes through the stages, records its progress so that an interrupted run resumes with
 * every article written exactly once, and locks its output folder against a second run.
 */
package org.stancekit.inference.batch;
