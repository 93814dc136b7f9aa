package org.stancekit.features;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature strings and their indices. Index 0 is padding and index 1 stands for a sentence that
 * has no known feature, so real features start at 2.
 */
public final class Vocabulary {

    /** Index of padding positions (masked out by the network). */
    public static final int PADDING = 0;
    /** Index used when a sentence has no known feature at all. */
    public static final int EMPTY = 1;
    private static final String PADDING_TOKEN = "<pad>";
    private static final String EMPTY_TOKEN = "<empty>";

    private final List<String> features;
    private final Map<String, Integer> index;

    private Vocabulary(List<String> features) {
        this.features = List.copyOf(features);
        this.index = new HashMap<>(features.size() * 2);
        for (int i = 0; i < features.size(); i++) {
            if (index.put(features.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate feature in vocabulary: " + features.get(i));
            }
        }
    }

    /**
     * Builds a vocabulary from feature lists: features seen at least {@code minCount} times, the
     * {@code maxSize} most frequent, ties broken alphabetically so that the result is deterministic.
     */
    public static Vocabulary build(Collection<List<String>> featureLists, int minCount, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> list : featureLists) {
            for (String f : list) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= minCount) {
                kept.add(e);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> features = new ArrayList<>();
        features.add(PADDING_TOKEN);
        features.add(EMPTY_TOKEN);
        for (int i = 0; i < Math.min(maxSize, kept.size()); i++) {
            features.add(kept.get(i).getKey());
        }
        return new Vocabulary(features);
    }

    /** Index of a feature, or -1 when unknown. */
    public int indexOf(String feature) {
        Integer i = index.get(feature);
        return i == null ? -1 : i;
    }

    /** Number of indices, padding and empty included. */
    public int size() {
        return features.size();
    }

    /** The features in index order. */
    public List<String> features() {
        return Collections.unmodifiableList(features);
    }

    /** Writes one feature per line, in index order. */
    public void write(BufferedWriter out) throws IOException {
        for (String f : features) {
            out.write(f);
            out.write('\n');
        }
        out.flush();
    }

    /** Reads what {@link #write} wrote; {@code origin} names the source in error messages. */
    public static Vocabulary read(BufferedReader in, String origin) throws IOException {
        List<String> features = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            features.add(line);
        }
        if (features.size() < 2 || !features.get(PADDING).equals(PADDING_TOKEN) || !features.get(EMPTY).equals(EMPTY_TOKEN)) {
            throw new IOException(origin + ": not a StanceKit vocabulary (it must start with "
                    + PADDING_TOKEN + " and " + EMPTY_TOKEN + ")");
        }
        return new Vocabulary(features);
    }
}
