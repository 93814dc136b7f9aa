package org.stancekit.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;

/**
 * Refuses, before any training starts, a labelled set that no model can honestly be trained on:
 * one that breaks a {@link SplitIntegrity} rule (train text leaking into dev or test), or one
 * that is degenerate: no rows, an empty train or dev split, or a head whose train labels are all
 * one class. A degenerate set trains without complaint and reports a meaningless figure (a head
 * that only ever saw NONE scores dev macro-F1 1.0 on a dev split that is all NONE too).
 *
 * <p>These are the data-integrity checks of {@link DatasetChecker}. Its other checks are the
 * shipped dataset's own quotas and annotation policy, and training leaves them out: a share of
 * synthetic train rows of at most {@value DatasetChecker#MAX_SYNTHETIC_SHARE}, every test sentence annotated
 * twice (which needs the agreement files, not the data) and the FAVOR and AGAINST counts per
 * party it only warns about. A user's own set may meet none of them and still train a sound
 * model; a set that leaks or is degenerate cannot.
 */
public final class TrainingDataCheck {

    /** The problem of a file with a header row and nothing else. */
    public static final String NO_SENTENCES = "no sentences: the file has a header row and nothing else";

    private TrainingDataCheck() {
    }

    /**
     * Throws when {@link #problems} finds any, listing them as {@code file: problem}.
     *
     * @throws DatasetFormatException naming every problem (at most
     *         {@value LabelledCsvReader#MAX_PROBLEMS}) and that nothing was trained
     */
    public static void require(Dataset file, Dataset trained, boolean fixedSplits) throws DatasetFormatException {
        List<String> problems = problems(file, trained, fixedSplits);
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        problems.stream().limit(LabelledCsvReader.MAX_PROBLEMS).forEach(p -> lines.add(file.origin() + ": " + p));
        if (problems.size() > LabelledCsvReader.MAX_PROBLEMS) {
            lines.add(file.origin() + ": ... and " + (problems.size() - LabelledCsvReader.MAX_PROBLEMS) + " more");
        }
        lines.add(file.origin() + ": refusing to train on this data; no bundle written");
        throw new DatasetFormatException(lines);
    }

    /**
     * What stops training on {@code trained}, a selection of the rows of {@code file} (the same
     * dataset unless a train fraction was taken).
     *
     * @param file the dataset as read: the split rules hold for the whole file
     * @param trained the rows training will use; checked for degeneracy
     * @param fixedSplits true when one model is trained on the file's own splits; false for
     *                    cross-validation, which splits the rows anew by document, so that the
     *                    file's own train and dev sizes say nothing about the folds
     */
    public static List<String> problems(Dataset file, Dataset trained, boolean fixedSplits) {
        List<String> problems = new ArrayList<>(SplitIntegrity.check(file.sentences()).problems());
        if (fixedSplits) {
            problems.addAll(degeneracy(trained));
        } else if (trained.sentences().isEmpty()) {
            problems.add(NO_SENTENCES);
        }
        return problems;
    }

    /**
     * Why one model could not be trained and selected on the splits of {@code data}: no rows, an
     * empty train or dev split, or a head with one class in train. Empty when there is nothing.
     */
    public static List<String> degeneracy(Dataset data) {
        if (data.sentences().isEmpty()) {
            return List.of(NO_SENTENCES);
        }
        List<String> problems = new ArrayList<>();
        List<LabelledSentence> train = data.split(Split.TRAIN);
        if (train.isEmpty()) {
            problems.add("the train split is empty");
        }
        if (data.split(Split.DEV).isEmpty()) {
            // Dev chooses the epoch (and calibrates the transformer): without it the figures are unchecked.
            problems.add("the dev split is empty: it chooses the epoch and calibrates the model");
        }
        if (!train.isEmpty()) {
            LabelSchema schema = data.schema();
            for (int p = 0; p < schema.parties().size(); p++) {
                int index = p;
                oneClass(train, LabelSchema.column(schema.parties().get(p)), r -> r.labels().stances().get(index))
                        .ifPresent(problems::add);
            }
            oneClass(train, "sentiment", r -> r.labels().sentiment()).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> oneClass(List<LabelledSentence> train, String head,
                                                       Function<LabelledSentence, String> label) {
        TreeSet<String> classes = new TreeSet<>();
        train.forEach(r -> classes.add(label.apply(r)));
        if (classes.size() > 1) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "the %s head has one class in the train split (%s on all %d rows): it needs at least two to learn",
                head, classes.first(), train.size()));
    }
}
