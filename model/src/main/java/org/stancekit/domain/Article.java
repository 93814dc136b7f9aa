package org.stancekit.domain;

import java.util.Objects;

/**
 * An article to score: an id and its raw text (paragraphs separated by new lines).
 *
 * @param id the article id (file name without extension, or the {@code id} column)
 * @param text the article's text
 */
public record Article(String id, String text) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
