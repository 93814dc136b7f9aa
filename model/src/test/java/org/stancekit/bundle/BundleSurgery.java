package org.stancekit.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Test tool: rewrites a bundle's entries, including those inside its {@code network.zip}, and
 * re-zips them with valid checksums, so that a test reaches the reader's checks beyond the zip layer.
 */
final class BundleSurgery {

    private BundleSurgery() {
    }

    /**
     * The bundle with each entry replaced by {@code change(name, bytes)} (null drops it) and
     * {@code extra} entries added; entries inside {@code network.zip} are named
     * {@code network.zip!NAME} and changed the same way.
     */
    static byte[] rewrite(byte[] bundle, BiFunction<String, byte[], byte[]> change, Map<String, byte[]> extra)
            throws IOException {
        Map<String, byte[]> entries = unzip(bundle);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            byte[] bytes = e.getValue();
            if (e.getKey().equals(BundleWriter.NETWORK)) {
                Map<String, byte[]> inner = new LinkedHashMap<>();
                for (var i : unzip(bytes).entrySet()) {
                    byte[] changed = change.apply(BundleWriter.NETWORK + "!" + i.getKey(), i.getValue());
                    if (changed != null) {
                        inner.put(i.getKey(), changed);
                    }
                }
                extra.forEach((name, value) -> {
                    if (name.startsWith(BundleWriter.NETWORK + "!")) {
                        inner.put(name.substring(BundleWriter.NETWORK.length() + 1), value);
                    }
                });
                bytes = zip(inner);
            }
            byte[] changed = change.apply(e.getKey(), bytes);
            if (changed != null) {
                out.put(e.getKey(), changed);
            }
        }
        extra.forEach((name, value) -> {
            if (!name.contains("!")) {
                out.put(name, value);
            }
        });
        return zip(out);
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
