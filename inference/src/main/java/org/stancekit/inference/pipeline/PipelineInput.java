package org.stancekit.inference.pipeline;

import org.stancekit.inference.read.ArticleInput;

/**
 * An item entering the pipeline.
 *
 * @param input the article, or an input that already failed (it passes through in order)
 * @param position how far through the input the reader was after this item, in bytes (for
 *                 progress and time-left estimates), or -1 when unknown
 */
public record PipelineInput(ArticleInput input, long position) {
}
