package org.stancekit.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Token;
import org.stancekit.text.Tokenizer;

/**
 * Turns a sentence into the feature indices the network reads. The one implementation used by
 * training, evaluation and scoring alike, so that a model always sees the features it was
 * trained on.
 *
 * <p>Features of a sentence, in priority order (a sentence longer than
 * {@link FeatureSettings#maxFeatures()} loses the last ones first):
 * <ol>
 *   <li>party markers: {@code @US} when the lexicon finds a US mention, {@code !US} when it finds
 *       none, for every lexicon party;</li>
 *   <li>party context: {@code US>word} for every word within the context window of a US mention,
 *       which lets the same word count differently for different parties ("sanctions" near
 *       Russia, "aid" near Ukraine);</li>
 *   <li>words ({@code w:word}), then word n-grams ({@code b:a b}, {@code t:a b c}).</li>
 * </ol>
 * Each feature appears at most once per sentence (a bag, as fastText averages it).
 */
public final class FeatureEncoder {

    private final FeatureSettings settings;
    private final PartyLexicon lexicon;
    private final Vocabulary vocabulary;
    private final Tokenizer tokenizer = new Tokenizer();
    private final List<String> lexiconParties;

    /** An encoder over a fitted vocabulary (as read back from a bundle). */
    public FeatureEncoder(FeatureSettings settings, PartyLexicon lexicon, Vocabulary vocabulary) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.lexiconParties = List.copyOf(new TreeSet<>(lexicon.parties()));
    }

    /** Fits the vocabulary on training sentences (never on dev or test ones). */
    public static FeatureEncoder fit(Collection<String> trainingSentences, FeatureSettings settings, PartyLexicon lexicon) {
        FeatureEncoder unfitted = new FeatureEncoder(settings, lexicon, Vocabulary.build(List.of(), 1, 0));
        List<List<String>> lists = new ArrayList<>(trainingSentences.size());
        for (String s : trainingSentences) {
            lists.add(unfitted.features(s));
        }
        return new FeatureEncoder(settings, lexicon, Vocabulary.build(lists, settings.minCount(), settings.maxVocabulary()));
    }

    /** The feature strings of a sentence, before the vocabulary filters them. */
    public List<String> features(String sentence) {
        List<Token> tokens = tokenizer.tokenize(sentence);
        List<Mention> mentions = lexicon.find(tokens);
        Set<String> out = new LinkedHashSet<>();
        Set<String> mentioned = new TreeSet<>();
        for (Mention m : mentions) {
            mentioned.add(m.party());
        }
        for (String party : lexiconParties) {
            out.add((mentioned.contains(party) ? "@" : "!") + party);
        }
        int window = settings.contextWindow();
        if (window > 0) {
            for (Mention m : mentions) {
                int from = Math.max(0, m.start() - window);
                int to = Math.min(tokens.size(), m.end() + window);
                for (int i = from; i < to; i++) {
                    if (i < m.start() || i >= m.end()) {
                        out.add(m.party() + ">" + tokens.get(i).form());
                    }
                }
            }
        }
        for (Token t : tokens) {
            out.add("w:" + t.form());
        }
        if (settings.ngrams() >= 2) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                out.add("b:" + tokens.get(i).form() + " " + tokens.get(i + 1).form());
            }
        }
        if (settings.ngrams() >= 3) {
            for (int i = 0; i + 2 < tokens.size(); i++) {
                out.add("t:" + tokens.get(i).form() + " " + tokens.get(i + 1).form() + " " + tokens.get(i + 2).form());
            }
        }
        return new ArrayList<>(out);
    }

    /** Parties the lexicon finds named in a sentence. */
    public Set<String> mentionedParties(String sentence) {
        Set<String> parties = new TreeSet<>();
        for (Mention m : lexicon.find(tokenizer.tokenize(sentence))) {
            parties.add(m.party());
        }
        return parties;
    }

    /** Vocabulary indices of a sentence's features; never empty ({@link Vocabulary#EMPTY} stands in). */
    public int[] encode(String sentence) {
        List<String> features = features(sentence);
        int[] ids = new int[Math.min(features.size(), settings.maxFeatures())];
        int n = 0;
        for (String f : features) {
            if (n == ids.length) {
                break;
            }
            int id = vocabulary.indexOf(f);
            if (id >= 0) {
                ids[n++] = id;
            }
        }
        return n == 0 ? new int[] {Vocabulary.EMPTY} : java.util.Arrays.copyOf(ids, n);
    }

    /** Encodes sentences into one padded, masked batch. */
    public EncodedBatch encode(List<String> sentences) {
        List<int[]> encoded = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            encoded.add(encode(s));
        }
        return batch(encoded);
    }

    /** Packs already-encoded sentences into one padded, masked batch. */
    public static EncodedBatch batch(List<int[]> encoded) {
        int width = 1;
        for (int[] ids : encoded) {
            width = Math.max(width, ids.length);
        }
        float[][] features = new float[encoded.size()][width];
        float[][] mask = new float[encoded.size()][width];
        for (int r = 0; r < encoded.size(); r++) {
            int[] ids = encoded.get(r);
            for (int c = 0; c < ids.length; c++) {
                features[r][c] = ids[c];
                mask[r][c] = 1f;
            }
        }
        return new EncodedBatch(Nd4j.create(features).castTo(DataType.FLOAT), Nd4j.create(mask).castTo(DataType.FLOAT));
    }

    /** The settings this encoder was built with. */
    public FeatureSettings settings() {
        return settings;
    }

    /** The party lexicon it marks mentions with. */
    public PartyLexicon lexicon() {
        return lexicon;
    }

    /** The fitted vocabulary. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
