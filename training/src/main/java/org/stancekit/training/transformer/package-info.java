/**
 * Fine-tuning the transformer model: its configuration ({@link org.stancekit.training.transformer.FineTuneConfig}),
 * the training loop with its own AdamW ({@link org.stancekit.training.transformer.FineTuner},
 * {@link org.stancekit.training.transformer.AdamW}), length-bucketed batches
 * ({@link org.stancekit.training.transformer.LengthBuckets}) and per-epoch checkpoints.
 */
package org.stancekit.training.transformer;
