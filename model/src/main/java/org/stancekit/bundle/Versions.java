package org.stancekit.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Versions of StanceKit and its libraries, filled in by the build; recorded in every manifest. */
public final class Versions {

    private Versions() {
    }

    /** Library name to version, for example {@code deeplearning4j → 1.0.0-M2.1}. */
    public static Map<String, String> libraries() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/org/stancekit/bundle/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        out.put("java", System.getProperty("java.version"));
        return out;
    }
}
