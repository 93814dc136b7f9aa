package org.stancekit.inference.read;

import java.util.Locale;
import java.util.Optional;

/** The kinds of input file StanceKit reads, recognised by extension, each optionally gzip-compressed. */
enum InputKind {
    /** One article per file; the id is the file name without {@code .txt} (or {@code .txt.gz}). */
    TEXT(".txt"),
    /** One article per row, with a header naming the id and text columns. */
    CSV(".csv"),
    /** One article per line, a JSON object with id and text fields. */
    JSONL(".jsonl");

    private static final String GZIP = ".gz";

    private final String extension;

    InputKind(String extension) {
        this.extension = extension;
    }

    /** The kind of a file, from its name (without folders); empty for anything else. */
    static Optional<InputKind> of(String fileName) {
        String name = baseName(fileName);
        for (InputKind kind : values()) {
            if (name.endsWith(kind.extension)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** True when the file name ends in {@code .gz}. */
    static boolean gzipped(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(GZIP);
    }

    /** The article id a text file gives its article: the name without {@code .txt} or {@code .txt.gz}. */
    static String textId(String fileName) {
        int cut = ".txt".length() + (gzipped(fileName) ? GZIP.length() : 0);
        return fileName.substring(0, fileName.length() - cut);
    }

    private static String baseName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(GZIP) ? name.substring(0, name.length() - GZIP.length()) : name;
    }
}
