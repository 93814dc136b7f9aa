package org.stancekit.transformer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The base encoder's own tokenizer (its {@code tokenizer.json}, run by the Hugging Face tokenizers
 * library through DJL), so that fine-tuning and scoring split text exactly as the encoder was
 * pretrained. Sentences are cut to {@code maxTokens} (special tokens included). Thread-safe.
 */
public final class WordPieceTokenizer implements AutoCloseable {

    /**
     * One sentence's tokens.
     *
     * @param ids vocabulary ids, {@code [CLS] … [SEP]}
     * @param starts per token, the first character it covers in the text (-1 for special tokens)
     * @param ends per token, one past the last character it covers (-1 for special tokens)
     */
    public record Tokens(int[] ids, int[] starts, int[] ends) {
        /** Number of tokens. */
        public int length() {
            return ids.length;
        }
    }

    private final HuggingFaceTokenizer tokenizer;

    /** Loads the tokenizer of a base encoder. */
    public WordPieceTokenizer(BaseEncoder base, int maxTokens) throws IOException {
        try (InputStream in = base.openTokenizer()) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("maxLength", Integer.toString(maxTokens),
                    "truncation", "true", "padding", "false"));
        }
    }

    /** Tokenizes one sentence; an empty one reads as a full stop, so there is always a token to pool. */
    public Tokens encode(String text) {
        Encoding e = tokenizer.encode(text.isBlank() ? "." : text);
        long[] ids = e.getIds();
        CharSpan[] spans = e.getCharTokenSpans();
        int[] out = new int[ids.length];
        int[] starts = new int[ids.length];
        int[] ends = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
            starts[i] = spans[i] == null ? -1 : spans[i].getStart();
            ends[i] = spans[i] == null ? -1 : spans[i].getEnd();
        }
        return new Tokens(out, starts, ends);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
