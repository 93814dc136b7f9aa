/**
 * The two kinds of trained model behind one interface, {@link org.stancekit.model.StanceModel}:
 * the fast bag-of-features network ({@link org.stancekit.model.FastModel}) and the fine-tuned
 * transformer ({@link org.stancekit.transformer.TransformerModel}). Every consumer (evaluation, the
 * scoring pipeline, the benchmark, fine-tuning's dev figures) runs a model through the same steps:
 * encode each sentence, plan batches ({@link org.stancekit.model.BatchPlan}), pack, forward, and
 * turn each probability row into a prediction ({@link org.stancekit.model.DecisionRule}).
 */
package org.stancekit.model;
