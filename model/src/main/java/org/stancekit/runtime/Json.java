package org.stancekit.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration of StanceKit: the mapper, its key-sorting twin, and the two ways
 * files are written. Every class that reads or writes JSON goes through here, so a setting
 * changes in one place.
 */
public final class Json {

    /**
     * The shared, thread-safe mapper with Jackson's defaults: it reads every JSON StanceKit takes in
     * and writes one-line JSON (JSONL rows, the scoring journal).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The same with map entries sorted by key, for what must be byte-stable across runs (bundle
     * manifests, {@code metrics.json}, also when a map becomes a tree first): a map's iteration
     * order never shows in them.
     */
    public static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Indented output, for files a person reads: benchmark reports, checkpoints, score documents. */
    public static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    /** Indented and sorted: {@link #SORTED}'s writer for files. */
    public static final ObjectWriter STABLE = SORTED.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}
