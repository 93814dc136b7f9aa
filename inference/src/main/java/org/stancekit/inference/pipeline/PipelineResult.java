package org.stancekit.inference.pipeline;

import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.aggregate.ArticleScore;

/** What the pipeline hands back for each input item, in input order. */
public sealed interface PipelineResult {

    /** The item's input position (see {@link PipelineInput#position()}). */
    long position();

    /**
     * A scored article. An article without sentences is scored too (no sentences, every stance
     * NONE); whether that is an error is the caller's decision.
     *
     * @param score the scores
     * @param location where the article came from
     * @param position the input position
     */
    record Scored(ArticleScore score, String location, long position) implements PipelineResult {
    }

    /**
     * An input that could not be scored: unreadable, or its encoding failed.
     *
     * @param failure location, id and reason
     * @param position the input position
     */
    record Failed(ArticleInput.Failed failure, long position) implements PipelineResult {
    }
}
