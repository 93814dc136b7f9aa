package org.stancekit.domain;

import java.util.Locale;

/** The dataset split a labelled sentence belongs to; fixed per document. */
public enum Split {
    TRAIN, DEV, TEST;

    /** Parses {@code train}, {@code dev} or {@code test} (any case); throws with the allowed values otherwise. */
    public static Split parse(String value) {
        for (Split split : values()) {
            if (split.name().equalsIgnoreCase(value.trim())) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + value + "' (expected train, dev or test)");
    }

    /** The lower-case name used in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
