package org.stancekit.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stancekit.domain.Article;

/**
 * Scores every article of the inputs into an output folder. Articles are read one at a time and
 * scored in groups (their sentences share forward passes), so memory holds one group, not the
 * whole input. An input that cannot be read, or an article whose scoring fails, is written to
 * {@code errors.csv} and the batch goes on.
 */
public final class BatchScorer {

    /** Articles scored together: enough sentences to fill a few network batches. */
    static final int GROUP_SIZE = 64;

    private final Scorer scorer;

    /** A batch scorer over a scorer (and its model). */
    public BatchScorer(Scorer scorer) {
        this.scorer = scorer;
    }

    /**
     * Scores {@code inputs} into {@code outDir}.
     *
     * @param progress told after every group with the running totals (for a progress display)
     */
    public BatchSummary run(List<Path> inputs, Path outDir, OutputFormat format, Consumer<BatchSummary> progress)
            throws IOException {
        ArticleReader.requireExisting(inputs);
        long start = System.nanoTime();
        long[] totals = new long[3]; // articles, sentences, failed
        try (ScoreWriter writer = new ScoreWriter(outDir, new OutputColumns(scorer.bundle().schema()), format)) {
            List<Article> group = new ArrayList<>(GROUP_SIZE);
            List<String> locations = new ArrayList<>(GROUP_SIZE);
            try {
                new ArticleReader().read(inputs, item -> {
                    if (item instanceof ArticleInput.Failed failed) {
                        writer.error(failed);
                        totals[2]++;
                    } else if (item instanceof ArticleInput.Loaded loaded) {
                        group.add(loaded.article());
                        locations.add(loaded.location());
                        if (group.size() == GROUP_SIZE) {
                            flush(group, locations, writer, totals);
                            progress.accept(summary(totals, start));
                        }
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            flush(group, locations, writer, totals);
            writer.commit();
        }
        BatchSummary summary = summary(totals, start);
        progress.accept(summary);
        return summary;
    }

    private void flush(List<Article> group, List<String> locations, ScoreWriter writer, long[] totals) {
        if (group.isEmpty()) {
            return;
        }
        List<ArticleScore> scores;
        try {
            scores = scorer.score(group);
        } catch (RuntimeException e) {
            // One bad article must not sink the group: retry one by one and report the culprit.
            scores = null;
        }
        try {
            for (int i = 0; i < group.size(); i++) {
                ArticleScore score;
                if (scores != null) {
                    score = scores.get(i);
                } else {
                    try {
                        score = scorer.score(group.get(i));
                    } catch (RuntimeException e) {
                        writer.error(new ArticleInput.Failed(locations.get(i), group.get(i).id(),
                                "scoring failed: " + e.getMessage()));
                        totals[2]++;
                        continue;
                    }
                }
                if (score.sentences().isEmpty()) {
                    writer.error(new ArticleInput.Failed(locations.get(i), group.get(i).id(), "no sentences found"));
                    totals[2]++;
                    continue;
                }
                writer.write(score);
                totals[0]++;
                totals[1] += score.sentences().size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        group.clear();
        locations.clear();
    }

    private static BatchSummary summary(long[] totals, long start) {
        return new BatchSummary(totals[0], totals[1], totals[2], (System.nanoTime() - start) / 1_000_000);
    }
}
