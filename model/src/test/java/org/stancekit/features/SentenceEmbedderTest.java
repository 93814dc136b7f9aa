package org.stancekit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.text.PartyLexicon;

/** The pretrained encoder's vectors, and the parties encoder's layout of them. */
class SentenceEmbedderTest {

    private static final int D = SentenceEmbedder.DIMENSION;

    /**
     * Accurate models trained before StanceKit ran the encoder itself read LangChain4j's sentence
     * vectors; the own run must give them the same ones.
     */
    @Test
    void sentenceVectorsAreLangChain4jsOwn() {
        List<String> sentences = List.of("Russia's brutal invasion continues.",
                "The US sent aid to Kyiv, officials said on Tuesday.", "Europe");
        float[][] ours = SentenceEmbedder.embed(sentences);
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (int i = 0; i < sentences.size(); i++) {
            float[] theirs = reference.embed(sentences.get(i)).content().vector();
            assertEquals(1.0, dot(ours[i], 0, theirs, 0), 1e-5, sentences.get(i));
        }
    }

    @Test
    void aTargetsVectorIsTheUnitMeanAtItsSpansAndZeroWithoutThem() {
        String text = "Russia attacked Ukraine again.";
        List<int[]> russia = List.of(new int[] {0, 6});
        List<int[]> ukraine = List.of(new int[] {16, 23});
        float[] v = SentenceEmbedder.embedWithTargets(List.of(text), List.of(List.of(russia, ukraine, List.of())))[0];

        assertEquals(4 * D, v.length);
        float[] sentence = SentenceEmbedder.embed(List.of(text))[0];
        assertArrayEquals(sentence, Arrays.copyOf(v, D), 1e-6f, "the sentence vector comes first");
        assertEquals(1.0, dot(v, D, v, D), 1e-5, "Russia's vector has unit length");
        assertEquals(1.0, dot(v, 2 * D, v, 2 * D), 1e-5, "Ukraine's vector has unit length");
        assertTrue(dot(v, D, v, 2 * D) < 0.99, "the two parties' vectors differ");
        assertEquals(0.0, dot(v, 3 * D, v, 3 * D), 0.0, "a target without spans gets zeros");
    }

    @Test
    void theEncoderLaysOutOneVectorPerLexiconPartyAfterTheSentences() {
        FeatureSettings settings = new FeatureSettings(1, 2, 1, 1000, 64, 0, SentenceEmbedder.MINILM_PARTIES);
        FeatureEncoder encoder = FeatureEncoder.fit(List.of("Russia attacked Ukraine."), settings, PartyLexicon.loadDefault());
        List<String> targets = encoder.vectorTargets();
        assertEquals(List.of("EUROPE", "RUSSIA", "UKRAINE", "US"), targets);
        assertEquals(5 * D, encoder.sentenceWidth());

        float[] v = encoder.embed(List.of("Russia’s troops attacked Ukraine."))[0];
        assertEquals(5 * D, v.length);
        for (int t = 0; t < targets.size(); t++) {
            int at = (1 + t) * D;
            boolean named = targets.get(t).equals("RUSSIA") || targets.get(t).equals("UKRAINE");
            assertEquals(named ? 1.0 : 0.0, dot(v, at, v, at), 1e-5, targets.get(t));
        }
    }

    @Test
    void widthsFollowTheSettings() {
        PartyLexicon lexicon = PartyLexicon.loadDefault();
        List<String> train = List.of("Russia attacked Ukraine.");
        assertEquals(0, FeatureEncoder.fit(train, new FeatureSettings(1, 2, 1, 1000, 64), lexicon).sentenceWidth());
        FeatureEncoder minilm = FeatureEncoder.fit(train,
                new FeatureSettings(1, 2, 1, 1000, 64, 0, SentenceEmbedder.MINILM), lexicon);
        assertEquals(D, minilm.sentenceWidth());
        assertEquals(List.of(), minilm.vectorTargets());
    }

    private static double dot(float[] a, int at, float[] b, int bt) {
        double s = 0;
        for (int d = 0; d < D; d++) {
            s += a[at + d] * b[bt + d];
        }
        return s;
    }
}
