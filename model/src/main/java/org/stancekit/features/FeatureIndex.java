package org.stancekit.features;

import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary's feature strings, looked up by characters in a buffer instead of by string:
 * encoding a sentence then builds no feature string at all (scoring used to spend a third of its
 * time building, hashing and storing them). Open addressing; each slot keeps the hash, the index
 * and where the spelling lies in one shared character pool, side by side, so that a probe reads
 * one cache line and a comparison one contiguous range (the table outgrows the L2 cache, and
 * chasing a String per probe cost more than the hashing). The hash is
 * {@link String#hashCode()}'s. Immutable once built, so safe to share between threads.
 */
final class FeatureIndex {

    /** Ints per slot: hash, index + 1 (0 marks an empty slot), pool offset, length. */
    private static final int STRIDE = 4;

    private final int[] slots;
    private final char[] pool;
    private final int mask;

    FeatureIndex(List<String> features) {
        int capacity = Integer.highestOneBit(Math.max(4, features.size() * 2 - 1)) << 1;
        slots = new int[capacity * STRIDE];
        mask = capacity - 1;
        int chars = 0;
        for (String f : features) {
            chars += f.length();
        }
        pool = new char[chars];
        int at = 0;
        for (int id = 0; id < features.size(); id++) {
            String f = features.get(id);
            f.getChars(0, f.length(), pool, at);
            int h = f.hashCode();
            int slot = spread(h) & mask;
            while (slots[slot * STRIDE + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            int s = slot * STRIDE;
            slots[s] = h;
            slots[s + 1] = id + 1;
            slots[s + 2] = at;
            slots[s + 3] = f.length();
            at += f.length();
        }
    }

    /** The index of the feature spelled by {@code chars[0..length)}, or -1 when unknown. */
    int indexOf(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        int slot = spread(h) & mask;
        while (true) {
            int s = slot * STRIDE;
            int id = slots[s + 1];
            if (id == 0) {
                return -1;
            }
            if (slots[s] == h && slots[s + 3] == length
                    && Arrays.equals(pool, slots[s + 2], slots[s + 2] + length, chars, 0, length)) {
                return id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
