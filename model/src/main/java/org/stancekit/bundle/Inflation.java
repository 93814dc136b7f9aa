package org.stancekit.bundle;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The limits on what reading one bundle may inflate, so that a zip bomb is refused with a message
 * instead of exhausting memory: no entry above {@link #MAX_ENTRY_BYTES}, no bundle above
 * {@link #MAX_BUNDLE_BYTES} in all (entries inside {@code network.zip} included), and no entry
 * larger than {@link #MAX_RATIO} times the compressed bytes it came from once it passes a megabyte.
 * Real entries are far inside all three: the largest, the transformer's weights, is about 12 MB
 * and barely compresses; the fast model's vocabulary compresses about threefold.
 */
final class Inflation {

    /** Largest entry inflated, in bytes. */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /** Largest sum of a bundle's inflated entries, in bytes, so that several big entries cannot add up. */
    static final long MAX_BUNDLE_BYTES = 384L << 20;
    /** Largest ratio of inflated to compressed size above {@link #RATIO_FLOOR}: zip bombs reach a thousand. */
    static final long MAX_RATIO = 100;
    private static final long RATIO_FLOOR = 1L << 20;

    private long inflated;

    /** A stream that counts the bytes read from it: the compressed side of a zip. */
    static final class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /**
     * The rest of the current zip entry, refused beyond the limits.
     *
     * @param in the zip stream, at the entry
     * @param where the entry, for messages
     * @param compressed the zip's underlying stream, which tells how many compressed bytes the entry took
     */
    byte[] read(InputStream in, String where, Counted compressed) throws IOException {
        long limit = Math.min(MAX_ENTRY_BYTES, MAX_BUNDLE_BYTES - inflated);
        long start = compressed.count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new BundleFormatException(where + ": larger than " + (limit >> 20) + " MB inflated, or the bundle "
                        + "larger than " + (MAX_BUNDLE_BYTES >> 20) + " MB; refused (real bundles are far smaller)");
            }
            if (total > RATIO_FLOOR && total > MAX_RATIO * (compressed.count - start)) {
                throw new BundleFormatException(where + ": inflates to more than " + MAX_RATIO + " times its compressed "
                        + "size, as zip bombs do; refused");
            }
            out.write(buffer, 0, n);
        }
        inflated += total;
        return out.toByteArray();
    }
}
