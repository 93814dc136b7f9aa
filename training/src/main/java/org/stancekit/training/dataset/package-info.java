/**
 * Building the labelled dataset: reading the licensed corpus, sampling passages to annotate,
 * writing annotation batches, and assembling annotation passes into {@code sentences.csv}.
 *
 * <p>The flow, one class a step: {@link org.stancekit.training.dataset.CorpusReader} (JSONL
 * documents) → {@link org.stancekit.training.dataset.DocumentSentences} (paragraphs, speakers,
 * sentences) → {@link org.stancekit.training.dataset.PassageSampler} (seeded sample by passage,
 * split per document, by a {@link org.stancekit.training.dataset.SamplingPlan}) → a pool file
 * ({@link org.stancekit.training.dataset.PoolFile}) → annotation batches
 * ({@link org.stancekit.training.dataset.AnnotationBatches}) → independent passes and an
 * adjudication → {@link org.stancekit.training.dataset.DatasetAssembler}.
 */
package org.stancekit.training.dataset;
