/**
 * The transformer model: a pretrained BERT-style encoder fine-tuned with target-aware heads.
 *
 * <p>Where things are, in the order data flows:
 * <ul>
 *   <li>{@link org.stancekit.transformer.BaseEncoder}: the pretrained encoders (ONNX files in
 *       Maven-shipped jars) and {@link org.stancekit.transformer.EncoderWeights}, their weights;</li>
 *   <li>{@link org.stancekit.transformer.TransformerFeaturizer}: a sentence to word-piece ids and
 *       the tokens where each party is named ({@link org.stancekit.transformer.SentenceTokens});</li>
 *   <li>for fine-tuning, the SameDiff graph: {@link org.stancekit.transformer.EncoderGraph} (the
 *       encoder), {@link org.stancekit.transformer.StanceGraph} (pooling, heads, loss),
 *       {@link org.stancekit.transformer.TransformerNetwork} (graph plus frozen input tables);</li>
 *   <li>for scoring, {@link org.stancekit.transformer.TransformerModel}: the fine-tuned encoder
 *       exported to ONNX Runtime ({@link org.stancekit.transformer.OnnxExport},
 *       {@link org.stancekit.transformer.OrtEncoder}), the heads in Java
 *       ({@link org.stancekit.transformer.HeadWeights}) and calibrated softmax
 *       ({@link org.stancekit.transformer.Calibration});</li>
 *   <li>{@link org.stancekit.transformer.WeightsFile}: what fine-tuning produced, as a bundle stores it.</li>
 * </ul>
 * Tests hold the SameDiff encoder to ONNX Runtime's outputs on the pretrained graph, and the
 * scoring engine to the SameDiff network's logits, within 1e-4.
 */
package org.stancekit.transformer;
