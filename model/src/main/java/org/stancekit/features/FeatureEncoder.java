package org.stancekit.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Tokenizer;

/**
 * Turns a sentence into the feature indices the network reads: the known features of
 * {@link FeatureStrings}, as vocabulary indices. The one implementation used by training,
 * evaluation and scoring alike, so that a model always sees the features it was trained on.
 * {@link #fit} builds the vocabulary from training sentences; {@link EncodedBatch#pack} packs
 * encoded sentences into network input.
 */
public final class FeatureEncoder {

    private final FeatureSettings settings;
    private final PartyLexicon lexicon;
    private final Vocabulary vocabulary;
    private final Tokenizer tokenizer = new Tokenizer();
    private final FeatureStrings strings;
    private final List<String> lexiconParties;
    private final FeatureTable table;
    /** The lexicon over the table's word numbers, in which every alias form has one. */
    private final PartyLexicon.NumberedMatcher mentionMatcher;
    /** Vocabulary indices of the party markers: [party][0] for "!PARTY", [party][1] for "@PARTY". */
    private final int[][] markerIds;
    /** Per-thread working memory of {@link #encode(String)}; the encoder itself stays safe to share. */
    private final ThreadLocal<Encoding> scratch = ThreadLocal.withInitial(Encoding::new);

    /** An encoder over a fitted vocabulary (as read back from a bundle). */
    public FeatureEncoder(FeatureSettings settings, PartyLexicon lexicon, Vocabulary vocabulary) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.strings = new FeatureStrings(settings, lexicon);
        this.lexiconParties = strings.parties();
        this.table = new FeatureTable(lexicon.forms(), vocabulary.features(), lexiconParties);
        this.mentionMatcher = lexicon.numbered(table::word, lexiconParties);
        this.markerIds = new int[lexiconParties.size()][];
        for (int p = 0; p < markerIds.length; p++) {
            String party = lexiconParties.get(p);
            markerIds[p] = new int[] {vocabulary.indexOf("!" + party), vocabulary.indexOf("@" + party)};
        }
    }

    /** Fits the vocabulary on training sentences (never on dev or test ones). */
    public static FeatureEncoder fit(Collection<String> trainingSentences, FeatureSettings settings, PartyLexicon lexicon) {
        FeatureStrings strings = new FeatureStrings(settings, lexicon);
        List<List<String>> lists = new ArrayList<>(trainingSentences.size());
        for (String s : trainingSentences) {
            lists.add(strings.of(s));
        }
        return new FeatureEncoder(settings, lexicon, Vocabulary.build(lists, settings.minCount(), settings.maxVocabulary()));
    }

    /**
     * Vocabulary indices of a sentence's features; never empty ({@link Vocabulary#EMPTY} stands in).
     * The known features of {@link FeatureStrings#of(String)}, in its order, at most
     * {@link FeatureSettings#maxFeatures()} of them.
     *
     * <p>Scoring calls this for every sentence, so it walks the features in the order
     * {@code FeatureStrings} lists them but finds each from its words' numbers in a {@link FeatureTable},
     * and drops repeats by index, without building the feature strings: the same indices, in the
     * same order, several times faster (a test checks it against the string-building path).
     */
    public int[] encode(String sentence) {
        Encoding e = scratch.get().start(settings.maxFeatures());
        tokenizer.scan(sentence, e.buffer, e);
        int n = e.tokens;
        int[] words = e.words;
        int mentions = mentionMatcher.find(words, n, e.mentionParty, e.mentionStart, e.mentionEnd);
        for (int p = 0; p < markerIds.length && !e.full(); p++) {
            boolean mentioned = false;
            for (int k = 0; k < mentions; k++) {
                mentioned |= e.mentionParty[k] == p;
            }
            e.add(markerIds[p][mentioned ? 1 : 0]);
        }
        int window = settings.contextWindow();
        if (window > 0) {
            for (int k = 0; k < mentions; k++) {
                int start = e.mentionStart[k];
                int end = e.mentionEnd[k];
                int from = Math.max(0, start - window);
                int to = Math.min(n, end + window);
                for (int i = from; i < to && !e.full(); i++) {
                    if (i < start || i >= end) {
                        e.add(table.context(e.mentionParty[k], words[i]));
                    }
                }
            }
        }
        for (int i = 0; i < n && !e.full(); i++) {
            e.add(table.unigram(words[i]));
        }
        if (settings.ngrams() >= 2) {
            for (int i = 0; i + 1 < n && !e.full(); i++) {
                e.add(table.bigram(words[i], words[i + 1]));
            }
        }
        if (settings.ngrams() >= 3) {
            for (int i = 0; i + 2 < n && !e.full(); i++) {
                e.add(table.trigram(words[i], words[i + 1], words[i + 2]));
            }
        }
        if (settings.charNgrams() > 0) {
            for (int i = 0; i < n && !e.full(); i++) {
                for (int id : table.charNgrams(words[i], e.forms[i], settings.charNgrams())) {
                    e.add(id);
                }
            }
        }
        return e.result();
    }

    /**
     * The working memory of {@link #encode(String)}, one per thread and reused, so that encoding a
     * sentence allocates nothing but its result (and, with character n-grams, its forms): the
     * tokenizer's form buffer, the tokens' word numbers as the tokenizer hands them over, the
     * mentions, the indices found, and a "seen" stamp per vocabulary index (an index was seen in
     * this sentence when its stamp equals the sentence's generation, so nothing needs clearing
     * between sentences).
     */
    private final class Encoding implements Tokenizer.Sink {
        private final int[] stamps = new int[vocabulary.size()];
        private final StringBuilder buffer = new StringBuilder();
        private int generation;
        private int[] ids = new int[0];
        /** The sentence's tokens so far: their word numbers and, with character n-grams, their forms. */
        private int tokens;
        private int[] words = new int[64];
        private String[] forms = new String[settings.charNgrams() > 0 ? 64 : 0];
        /** Mention k: party number, first token, end; room for one per token. */
        private int[] mentionParty = new int[64];
        private int[] mentionStart = new int[64];
        private int[] mentionEnd = new int[64];
        private int limit;
        private int n;

        Encoding start(int maxFeatures) {
            if (ids.length < maxFeatures) {
                ids = new int[maxFeatures];
            }
            limit = maxFeatures;
            n = 0;
            tokens = 0;
            if (++generation == 0) {
                // Wrapped after four billion sentences: old stamps could match again, so clear them.
                Arrays.fill(stamps, 0);
                generation = 1;
            }
            return this;
        }

        boolean full() {
            return n == limit;
        }

        @Override
        public void token(CharSequence form, String text, int start, int end) {
            if (tokens == words.length) {
                int room = 2 * words.length;
                words = Arrays.copyOf(words, room);
                mentionParty = new int[room];
                mentionStart = new int[room];
                mentionEnd = new int[room];
                if (forms.length > 0) {
                    forms = Arrays.copyOf(forms, room);
                }
            }
            words[tokens] = table.word(form);
            if (forms.length > 0) {
                forms[tokens] = form.toString();
            }
            tokens++;
        }

        /** Adds a known index not seen before in this sentence; ignores -1 (unknown) and repeats. */
        void add(int id) {
            if (id < 0 || full() || stamps[id] == generation) {
                return;
            }
            stamps[id] = generation;
            ids[n++] = id;
        }

        int[] result() {
            return n == 0 ? new int[] {Vocabulary.EMPTY} : Arrays.copyOf(ids, n);
        }
    }

    /** Encodes sentences into one padded, masked batch. */
    public EncodedBatch encode(List<String> sentences) {
        List<int[]> encoded = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            encoded.add(encode(s));
        }
        return EncodedBatch.pack(encoded);
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
