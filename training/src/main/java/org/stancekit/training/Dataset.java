package org.stancekit.training;

import java.util.List;
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
}
