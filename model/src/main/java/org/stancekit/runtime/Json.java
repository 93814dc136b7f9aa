package org.stancekit.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration of StanceKit: one mapper and the two ways it writes files. Every
 * class that reads or writes JSON goes through here, so a setting changes in one place.
 */
public final class Json {

    /**
     * The shared, thread-safe mapper with Jackson's defaults: it reads every JSON StanceKit takes in
     * and writes one-line JSON (JSONL rows, the scoring journal).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Indented output, for files a person reads: {@code metrics.json}'s trees, benchmark reports, checkpoints. */
    public static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

    /**
     * Indented with map entries sorted by key, for files that must be byte-stable across runs
     * (bundle manifests, {@code metrics.json}): a map's iteration order never shows in them.
     */
    public static final ObjectWriter STABLE = INDENTED.with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }
}
