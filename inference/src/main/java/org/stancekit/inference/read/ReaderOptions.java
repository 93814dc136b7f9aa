package org.stancekit.inference.read;

import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link ArticleReader} reads its inputs.
 *
 * @param idColumn the CSV column (case-insensitive) or JSON field (exact) that holds an article's id
 * @param textColumn the CSV column (case-insensitive) or JSON field (exact) that holds its text
 * @param maxArticleChars the longest article accepted, in characters; a longer one goes to
 *                        {@code errors.csv}. The limit bounds the memory one article can take
 *                        and the time a single pathological input can hold a worker.
 *
 * <p>Serializable, so that Spark ships it to the tasks that read with it.
 */
public record ReaderOptions(String idColumn, String textColumn, int maxArticleChars) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default longest article: 200,000 characters, several times the longest long-form news piece. */
    public static final int DEFAULT_MAX_ARTICLE_CHARS = 200_000;

    /** {@code id}, {@code text}, {@value #DEFAULT_MAX_ARTICLE_CHARS} characters. */
    public static final ReaderOptions DEFAULT = new ReaderOptions("id", "text", DEFAULT_MAX_ARTICLE_CHARS);

    public ReaderOptions {
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(textColumn, "textColumn");
        if (idColumn.isBlank() || textColumn.isBlank()) {
            throw new IllegalArgumentException("column names must not be blank");
        }
        if (idColumn.strip().equalsIgnoreCase(textColumn.strip())) {
            throw new IllegalArgumentException("the id and text columns must differ, both are '" + idColumn + "'");
        }
        if (maxArticleChars < 1) {
            throw new IllegalArgumentException("the longest article must be at least 1 character, got " + maxArticleChars);
        }
    }
}
