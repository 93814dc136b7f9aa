package org.stancekit.inference;

import java.nio.charset.StandardCharsets;

/**
 * The article ids seen so far, kept as 64-bit hashes in an open-addressing table: 8 to 16 bytes
 * an article instead of a string each, so that duplicate detection stays small however many
 * articles a run reads. Two different ids share a hash with probability about 2<sup>-64</sup>
 * per pair, far below any other failure of a batch run.
 */
final class IdSet {

    private long[] table = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    /** Adds an id; false when it was already present. */
    boolean add(String id) {
        long h = hash(id);
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return insert(h);
    }

    private boolean insert(long h) {
        int mask = table.length - 1;
        int i = (int) (mix(h) & mask);
        while (used[i]) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        table[i] = h;
        size++;
        return true;
    }

    private void grow() {
        long[] oldTable = table;
        boolean[] oldUsed = used;
        table = new long[oldTable.length * 2];
        used = new boolean[oldTable.length * 2];
        size = 0;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldUsed[i]) {
                insert(oldTable[i]);
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes: stable across runs and JVMs, unlike {@link String#hashCode()} is in spirit. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
