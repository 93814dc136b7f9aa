package org.stancekit.inference.read;

import org.stancekit.domain.Article;

/** One item read from the inputs: an article to score, or an input that could not be read. */
public sealed interface ArticleInput {

    /** Where the item came from: a file, or {@code file:line} for a row of a CSV or JSONL file. */
    String location();

    /** An article ready to score. */
    record Loaded(Article article, String location) implements ArticleInput {
    }

    /** An input that cannot be scored, and why; it goes to {@code errors.csv} (or {@code errors.jsonl}). */
    record Failed(String location, String id, String reason) implements ArticleInput {
    }
}
