package org.stancekit.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The vocabulary's features keyed by word numbers instead of strings, for
 * {@link FeatureEncoder#encode(String)}: a sentence's tokens are looked up once each
 * ({@link #word}), and every feature built from them is then found from their numbers, exactly,
 * without building, hashing or comparing the feature's string: a word or party-context feature
 * is an array element, a bigram or trigram one probe of a table keyed by the packed numbers.
 * Measured on two cores, looking features up by string spent about half the encoder's time in
 * cache misses comparing spellings; this cuts the lookups that touch text to one per token.
 *
 * <p>Built by parsing the vocabulary's feature strings, whose forms {@link FeatureStrings#of}
 * defines: {@code w:word}, {@code b:a b}, {@code t:a b c}, {@code PARTY>word}, {@code c:gram}; tokens
 * never hold a space, and party names never hold {@code >}. A word's character n-grams are looked up
 * once per word number and remembered. Safe to share between threads: the tables are fixed once
 * built, and that one cache is filled atomically (two threads may both compute an entry; they
 * compute the same one).
 */
final class FeatureTable {

    /** Bits per word number in a trigram key: three fit in a long. */
    private static final int TRIGRAM_BITS = 21;

    private final WordIndex words;
    private final int[] unigrams;
    private final int[][] contexts;
    private final LongIndex bigrams;
    private final LongIndex trigrams;
    /** Character n-gram features ({@code c:} removed) to their indices. */
    private final WordIndex grams;
    private final int[] gramIds;
    /** Per word number, the indices of its known character n-grams in feature order (built on first use). */
    private final AtomicReferenceArray<int[]> wordGrams;

    /**
     * @param leadingWords words to number first, 0 up, whether or not a feature uses them (the
     *                     lexicon's alias forms, so that mentions can be matched by number)
     * @param features the vocabulary, in index order
     * @param parties the lexicon's parties, in the order {@link #context} numbers them
     */
    FeatureTable(Collection<String> leadingWords, List<String> features, List<String> parties) {
        List<Parsed> parsed = features.stream().map(f -> parse(f, parties)).toList();
        Map<String, Integer> numbers = new HashMap<>();
        List<String> wordList = new ArrayList<>();
        for (String w : leadingWords) {
            number(w, numbers, wordList);
        }
        // First pass: number every word that occurs in a feature.
        for (Parsed f : parsed) {
            if (f != null && f.kind != Kind.GRAM) {
                for (String w : f.words) {
                    number(w, numbers, wordList);
                }
            }
        }
        if (wordList.size() >= 1 << TRIGRAM_BITS) {
            throw new IllegalArgumentException("the vocabulary holds " + wordList.size()
                    + " distinct words; at most " + ((1 << TRIGRAM_BITS) - 1) + " are supported");
        }
        words = new WordIndex(wordList);
        unigrams = filled(wordList.size());
        contexts = new int[parties.size()][];
        for (int p = 0; p < contexts.length; p++) {
            contexts[p] = filled(wordList.size());
        }
        bigrams = new LongIndex();
        trigrams = new LongIndex();
        List<String> gramList = new ArrayList<>();
        List<Integer> gramIdList = new ArrayList<>();
        for (int id = 0; id < parsed.size(); id++) {
            Parsed f = parsed.get(id);
            if (f == null) {
                continue;
            }
            String[] w = f.words;
            switch (f.kind) {
                case GRAM -> {
                    gramList.add(w[0]);
                    gramIdList.add(id);
                }
                case WORD -> unigrams[numbers.get(w[0])] = id;
                case BIGRAM -> bigrams.put(bigramKey(numbers.get(w[0]), numbers.get(w[1])), id);
                case TRIGRAM -> trigrams.put(trigramKey(numbers.get(w[0]), numbers.get(w[1]), numbers.get(w[2])), id);
                case CONTEXT -> contexts[f.party][numbers.get(w[0])] = id;
            }
        }
        grams = new WordIndex(gramList);
        gramIds = gramIdList.stream().mapToInt(Integer::intValue).toArray();
        wordGrams = new AtomicReferenceArray<>(gramList.isEmpty() ? 0 : wordList.size());
    }

    /** Gives {@code w} the next number unless it has one. */
    private static void number(String w, Map<String, Integer> numbers, List<String> wordList) {
        if (!numbers.containsKey(w)) {
            numbers.put(w, wordList.size());
            wordList.add(w);
        }
    }

    /**
     * The indices of the known character n-grams of a token, in {@link FeatureStrings#charNgrams}
     * order; {@code word} is its number (-1 for a word no other feature uses, whose n-grams are
     * looked up afresh, while a numbered word's are remembered).
     */
    int[] charNgrams(int word, String form, int longest) {
        if (gramIds.length == 0) {
            return new int[0];
        }
        if (word >= 0) {
            int[] known = wordGrams.get(word);
            if (known == null) {
                known = lookUpGrams(form, longest);
                wordGrams.set(word, known);
            }
            return known;
        }
        return lookUpGrams(form, longest);
    }

    private int[] lookUpGrams(String form, int longest) {
        List<String> all = FeatureStrings.charNgrams(form, longest);
        int[] ids = new int[all.size()];
        int n = 0;
        for (String g : all) {
            int k = grams.indexOf(g.substring(2));
            if (k >= 0) {
                ids[n++] = gramIds[k];
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /** The number of a token's form, or -1 when it is neither a leading word nor used by a feature. */
    int word(CharSequence form) {
        return words.indexOf(form);
    }

    /** The index of {@code w:word}, or -1. */
    int unigram(int word) {
        return word < 0 ? -1 : unigrams[word];
    }

    /** The index of {@code PARTY>word} for the party numbered {@code party}, or -1. */
    int context(int party, int word) {
        return word < 0 ? -1 : contexts[party][word];
    }

    /** The index of {@code b:a b}, or -1. */
    int bigram(int a, int b) {
        return a < 0 || b < 0 ? -1 : bigrams.get(bigramKey(a, b));
    }

    /** The index of {@code t:a b c}, or -1. */
    int trigram(int a, int b, int c) {
        return a < 0 || b < 0 || c < 0 ? -1 : trigrams.get(trigramKey(a, b, c));
    }

    private static long bigramKey(int a, int b) {
        return ((long) a << 32) | b;
    }

    private static long trigramKey(int a, int b, int c) {
        return ((long) a << (2 * TRIGRAM_BITS)) | ((long) b << TRIGRAM_BITS) | c;
    }

    /** The kinds of feature string {@link FeatureStrings#of} builds from words. */
    private enum Kind { WORD, BIGRAM, TRIGRAM, CONTEXT, GRAM }

    /** A feature string taken apart: its kind, its words (the gram for GRAM), its party for CONTEXT. */
    private record Parsed(Kind kind, String[] words, int party) {
    }

    /** Takes a feature string apart; null for markers, reserved entries and anything else. */
    private static Parsed parse(String f, List<String> parties) {
        if (f.startsWith("c:")) {
            return new Parsed(Kind.GRAM, new String[] {f.substring(2)}, -1);
        }
        if (f.startsWith("w:")) {
            return new Parsed(Kind.WORD, new String[] {f.substring(2)}, -1);
        }
        if ((f.startsWith("b:") || f.startsWith("t:")) && f.indexOf(' ') > 0) {
            String[] w = f.substring(2).split(" ", -1);
            Kind kind = f.charAt(0) == 'b' ? Kind.BIGRAM : Kind.TRIGRAM;
            return w.length == (kind == Kind.BIGRAM ? 2 : 3) ? new Parsed(kind, w, -1) : null;
        }
        int p = contextParty(f, parties);
        return p < 0 ? null : new Parsed(Kind.CONTEXT, new String[] {f.substring(parties.get(p).length() + 1)}, p);
    }

    /** The number of the party of a {@code PARTY>word} feature, or -1 when it is not one. */
    private static int contextParty(String f, List<String> parties) {
        int arrow = f.indexOf('>');
        return arrow <= 0 ? -1 : parties.indexOf(f.substring(0, arrow));
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** Non-negative long keys to feature indices; open addressing, -1 marks an empty slot. */
    private static final class LongIndex {
        private long[] keys = emptyKeys(16);
        private int[] values = new int[16];
        private int size;

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int slot = slot(key, keys.length);
            while (keys[slot] != -1 && keys[slot] != key) {
                slot = (slot + 1) & (keys.length - 1);
            }
            if (keys[slot] == -1) {
                size++;
            }
            keys[slot] = key;
            values[slot] = value;
        }

        int get(long key) {
            int slot = slot(key, keys.length);
            while (true) {
                long k = keys[slot];
                if (k == key) {
                    return values[slot];
                }
                if (k == -1) {
                    return -1;
                }
                slot = (slot + 1) & (keys.length - 1);
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = emptyKeys(oldKeys.length * 2);
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int slot(long key, int capacity) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & (capacity - 1);
        }

        private static long[] emptyKeys(int n) {
            long[] k = new long[n];
            Arrays.fill(k, -1);
            return k;
        }
    }
}
