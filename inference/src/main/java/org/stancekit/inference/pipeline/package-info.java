/**
 * The streaming scoring engine: read → split and encode (in parallel, order kept) → windows
 * packed into batches by length → forward passes on one inference thread → aggregate and hand
 * over in input order, with bounded
 * queues and a bounded character budget so that memory stays flat however large the input.
 * {@link org.stancekit.inference.pipeline.ScoringPipeline} puts the stages together;
 * the model ({@link org.stancekit.model.StanceModel}) owns encoding, batching and the forward pass;
 * {@link org.stancekit.inference.pipeline.HelperPriority} lowers the threads around it, and
 * {@link org.stancekit.runtime.NativeThreads} keeps ND4J to one native thread each.
 */
package org.stancekit.inference.pipeline;
