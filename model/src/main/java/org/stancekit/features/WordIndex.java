package org.stancekit.features;

import java.util.List;

/**
 * A fixed set of words, each looked up to its position. Open addressing; each slot keeps the
 * hash, the position and where the spelling lies in one shared character pool, side by side, so
 * that a probe reads one cache line and a comparison one contiguous range (a {@code HashMap}
 * chases two objects per probe). The hash is {@link String#hashCode()}'s, so that strings look up
 * with the hash they cache and other text with the same hash computed. Immutable once built, so safe to share between threads.
 */
final class WordIndex {

    /** Ints per slot: hash, position + 1 (0 marks an empty slot), pool offset, length. */
    private static final int STRIDE = 4;

    private final int[] slots;
    private final char[] pool;
    private final int mask;

    /** An index of distinct words; a word's position in the list is its number. */
    WordIndex(List<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
        slots = new int[capacity * STRIDE];
        mask = capacity - 1;
        int chars = 0;
        for (String w : words) {
            chars += w.length();
        }
        pool = new char[chars];
        int at = 0;
        for (int id = 0; id < words.size(); id++) {
            String w = words.get(id);
            w.getChars(0, w.length(), pool, at);
            int slot = spread(w.hashCode()) & mask;
            while (slots[slot * STRIDE + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            int s = slot * STRIDE;
            slots[s] = w.hashCode();
            slots[s + 1] = id + 1;
            slots[s + 2] = at;
            slots[s + 3] = w.length();
            at += w.length();
        }
    }

    /** The number of {@code word}, or -1 when it is not in the index. */
    int indexOf(CharSequence word) {
        int h = word instanceof String s ? s.hashCode() : hash(word);
        int length = word.length();
        int slot = spread(h) & mask;
        while (true) {
            int s = slot * STRIDE;
            int id = slots[s + 1];
            if (id == 0) {
                return -1;
            }
            if (slots[s] == h && slots[s + 3] == length && spells(slots[s + 2], word)) {
                return id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** {@link String#hashCode()} of the same characters. */
    private static int hash(CharSequence text) {
        int h = 0;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    private boolean spells(int at, CharSequence word) {
        for (int i = 0; i < word.length(); i++) {
            if (pool[at + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
