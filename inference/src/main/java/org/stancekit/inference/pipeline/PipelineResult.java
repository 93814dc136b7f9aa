package org.stancekit.inference.pipeline;

import java.util.Optional;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.aggregate.ArticleScore;

/** What the pipeline hands back for each input item, in input order. */
public sealed interface PipelineResult {

    /** The reason given for a scored article without sentences. */
    String NO_SENTENCES = "no sentences found";

    /** The item's input position (see {@link PipelineInput#position()}). */
    long position();

    /**
     * The row of the errors output this result is, or empty for an article to write: a failed
     * input, or an article without sentences ({@value #NO_SENTENCES}). Every writer of results
     * (the {@code score} command, the Spark job) decides by this.
     */
    Optional<ArticleInput.Failed> errorRow();

    /**
     * A scored article. An article without sentences is scored too (no sentences, every stance
     * NONE); {@link #errorRow()} lists it as an error.
     *
     * @param score the scores
     * @param location where the article came from
     * @param position the input position
     */
    record Scored(ArticleScore score, String location, long position) implements PipelineResult {
        @Override
        public Optional<ArticleInput.Failed> errorRow() {
            return score.sentences().isEmpty()
                    ? Optional.of(new ArticleInput.Failed(location, score.articleId(), NO_SENTENCES)) : Optional.empty();
        }
    }

    /**
     * An input that could not be scored: unreadable, or its encoding failed.
     *
     * @param failure location, id and reason
     * @param position the input position
     */
    record Failed(ArticleInput.Failed failure, long position) implements PipelineResult {
        @Override
        public Optional<ArticleInput.Failed> errorRow() {
            return Optional.of(failure);
        }
    }
}
