package org.stancekit.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;

/**
 * Labelled sentences read from one file.
 *
 * @param origin the file they came from
 * @param schema their labels
 * @param sentences the rows, in file order
 */
public record Dataset(String origin, LabelSchema schema, List<LabelledSentence> sentences) {

    public Dataset {
        sentences = List.copyOf(sentences);
    }

    /** The rows of one split, in file order. */
    public List<LabelledSentence> split(Split split) {
        return sentences.stream().filter(s -> s.split() == split).toList();
    }

    /**
     * The same dataset with only a share of its training documents, for learning curves ("would
     * more labels help?"). Whole documents are kept or dropped, chosen by a seeded shuffle of their
     * ids, so the same fraction and seed always keep the same documents and a smaller fraction
     * keeps a subset of a larger one's. The dev and test splits are untouched.
     *
     * @param fraction share of training documents to keep, in (0, 1]
     * @param seed the shuffle's seed
     */
    public Dataset withTrainFraction(double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1], got " + fraction);
        }
        Set<String> docs = new TreeSet<>();
        split(Split.TRAIN).forEach(s -> docs.add(s.docId()));
        List<String> order = new ArrayList<>(docs);
        Collections.shuffle(order, new Random(seed));
        Set<String> kept = Set.copyOf(order.subList(0, (int) Math.ceil(fraction * order.size())));
        return new Dataset(origin, schema,
                sentences.stream().filter(s -> s.split() != Split.TRAIN || kept.contains(s.docId())).toList());
    }
}
