package org.stancekit.transformer;

import java.util.ArrayList;
import java.util.List;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Tokenizer;

/**
 * Turns a sentence into {@link SentenceTokens}: the one featurisation step of the transformer
 * model, shared by fine-tuning, evaluation and scoring.
 *
 * <p>The sentence is normalised and tokenised by StanceKit's {@link Tokenizer}, whose tokens the
 * {@link PartyLexicon} searches for party names (as for the fast model); the normalised text goes
 * to the encoder's word-piece tokenizer, and a word piece belongs to a party's mention when its
 * characters overlap the mention's. The lexicon only says where a party is named; whether the
 * sentence refers to it, and how, is the network's call.
 */
public final class TransformerFeaturizer implements AutoCloseable {

    private final Tokenizer tokenizer = new Tokenizer();
    private final PartyLexicon lexicon;
    private final List<String> parties;
    private final WordPieceTokenizer wordPieces;

    /**
     * @param lexicon where parties are named
     * @param parties the schema's parties, in order
     * @param wordPieces the base encoder's tokenizer
     */
    public TransformerFeaturizer(PartyLexicon lexicon, List<String> parties, WordPieceTokenizer wordPieces) {
        this.lexicon = lexicon;
        this.parties = List.copyOf(parties);
        this.wordPieces = wordPieces;
    }

    /** The party lexicon. */
    public PartyLexicon lexicon() {
        return lexicon;
    }

    /** Releases the native word-piece tokenizer. */
    @Override
    public void close() {
        wordPieces.close();
    }

    /** Featurises one sentence. */
    public SentenceTokens featurize(String sentence) {
        Tokenizer.Located located = tokenizer.locate(sentence);
        List<List<int[]>> spans = new ArrayList<>();
        parties.forEach(p -> spans.add(new ArrayList<>()));
        for (Mention m : lexicon.find(located.tokens())) {
            int k = parties.indexOf(m.party());
            if (k >= 0) {
                spans.get(k).add(new int[] {located.spans().get(m.start())[0], located.spans().get(m.end() - 1)[1]});
            }
        }
        WordPieceTokenizer.Tokens t = wordPieces.encode(located.text());
        int[][] mentions = new int[parties.size()][];
        for (int k = 0; k < mentions.length; k++) {
            List<Integer> inside = new ArrayList<>();
            for (int i = 0; i < t.length(); i++) {
                if (t.starts()[i] >= 0 && overlaps(t.starts()[i], t.ends()[i], spans.get(k))) {
                    inside.add(i);
                }
            }
            mentions[k] = inside.stream().mapToInt(Integer::intValue).toArray();
        }
        return new SentenceTokens(t.ids(), mentions);
    }

    /** Featurises sentences in order. */
    public List<SentenceTokens> featurize(List<String> sentences) {
        return sentences.stream().map(this::featurize).toList();
    }

    private static boolean overlaps(int start, int end, List<int[]> spans) {
        for (int[] s : spans) {
            if (start < s[1] && end > s[0]) {
                return true;
            }
        }
        return false;
    }
}
