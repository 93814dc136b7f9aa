package org.stancekit.inference.read;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The article ids seen so far, kept as 128-bit digests in an open-addressing table: 17 to 34
 * bytes an article instead of a string each, so that duplicate detection stays small however
 * many articles a run reads. The digest is the first half of the id's SHA-256: nobody knows two
 * ids that share it (finding a pair takes about 2<sup>64</sup> SHA-256 evaluations), so a crafted
 * id cannot get a distinct article refused as a duplicate, which a fast non-cryptographic hash
 * would allow. Not thread-safe: the reader that owns it is one thread.
 */
final class IdSet {

    private final MessageDigest sha256;
    private long[] high = new long[1 << 12];
    private long[] low = new long[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    IdSet() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Adds an id; false when it was already present. */
    boolean add(String id) {
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        return insert(digest.getLong(), digest.getLong());
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        // The digest's bits are already uniform: its low bits pick the slot.
        int i = (int) (l & mask);
        while (used[i]) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }
}
