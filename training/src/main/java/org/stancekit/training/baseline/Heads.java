package org.stancekit.training.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;

/**
 * The heads of a label set as one flat list: head {@code p < parties} is party {@code p}'s stance,
 * the last head is sentiment. Lets a baseline train one classifier per head without caring which
 * kind of label it is.
 */
final class Heads {

    private Heads() {
    }

    /**
     * Number of heads of the training rows (parties plus one).
     *
     * @throws IllegalArgumentException when there are no rows or they disagree on the parties
     */
    static int count(List<LabelledSentence> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training sentences");
        }
        int parties = rows.get(0).labels().stances().size();
        for (LabelledSentence row : rows) {
            if (row.labels().stances().size() != parties) {
                throw new IllegalArgumentException("sentence " + row.id() + " has " + row.labels().stances().size()
                        + " stances, expected " + parties + " as in the first row");
            }
        }
        return parties + 1;
    }

    /** The label of one head. */
    static String label(Labels labels, int head) {
        return head < labels.stances().size() ? labels.stances().get(head) : labels.sentiment();
    }

    /** The labels of one head, row by row. */
    static List<String> column(List<LabelledSentence> rows, int head) {
        return rows.stream().map(r -> label(r.labels(), head)).toList();
    }

    /** Labels from one value per head. */
    static Labels assemble(String[] perHead) {
        return new Labels(List.of(perHead).subList(0, perHead.length - 1), perHead[perHead.length - 1]);
    }

    /** The labels of every row of a {@code [head][row]} table, in row order. */
    static List<Labels> assemble(String[][] byHead) {
        int rows = byHead.length == 0 ? 0 : byHead[0].length;
        List<Labels> out = new ArrayList<>(rows);
        String[] one = new String[byHead.length];
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < byHead.length; h++) {
                one[h] = byHead[h][r];
            }
            out.add(assemble(one));
        }
        return out;
    }

    /**
     * Label counts, in label order: sorting by name rather than by first appearance makes the
     * order, and every tie broken on it, independent of the order of the rows.
     */
    static Map<String, Integer> counts(List<String> labels) {
        Map<String, Integer> counts = new TreeMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts;
    }

    /** The most frequent label; on a tie the first in label (alphabetical) order. */
    static String majority(List<String> labels) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts(labels).entrySet()) {
            if (e.getValue() > bestCount) { // strictly greater: the earlier label keeps a tie
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no labels");
        }
        return best;
    }
}
