package org.stancekit.features;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence vectors from a pretrained encoder: all-MiniLM-L6-v2 (quantised, 384 dimensions), run
 * on ONNX Runtime through LangChain4j's packaging of it, which comes from Maven Central with the
 * model inside the jar, so nothing is downloaded at run time. The encoder was trained on a billion
 * sentence pairs; its vectors carry what the labelled data is too small to teach a bag of words
 * (paraphrase, negation, tone), which is why the accurate model reads them. It makes scoring
 * about 75 times slower (measured: 303 sentences a second end to end on two cores), so only
 * models trained with it load it.
 *
 * <p>The model is loaded once per JVM, on first use, and is safe for concurrent use.
 */
public final class SentenceEmbedder {

    /** {@link FeatureSettings#sentenceEncoder()} name of this encoder. */
    public static final String MINILM = "all-minilm-l6-v2-q";
    /** Width of its vectors. */
    public static final int DIMENSION = 384;

    private static volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    private SentenceEmbedder() {
    }

    private static AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (SentenceEmbedder.class) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = m;
                }
            }
        }
        return m;
    }

    /** The vectors of some sentences, in order, each {@value #DIMENSION} wide and of unit length. */
    public static float[][] embed(List<String> sentences) {
        if (sentences.isEmpty()) {
            return new float[0][];
        }
        List<TextSegment> segments = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            // The encoder refuses blank text; a blank sentence is read as a lone full stop.
            segments.add(TextSegment.from(s.isBlank() ? "." : s));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        float[][] out = new float[embeddings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = embeddings.get(i).vector();
        }
        return out;
    }
}
