package org.stancekit.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;

/**
 * The split rules every use of a labelled set relies on, whoever made the set: each document in
 * one split, no text in two splits (up to case and spacing), synthetic text only in train.
 * Breaking one leaks training text into the sentences that choose the epoch or report the
 * figures, so {@code dataset check} fails on it and {@code train} refuses to start.
 */
public final class SplitIntegrity {

    /**
     * What the rules found.
     *
     * @param problems broken rules, one line each, naming the row
     * @param warnings notes that break no rule (the same text twice within one split)
     */
    public record Findings(List<String> problems, List<String> warnings) {

        public Findings {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    private SplitIntegrity() {
    }

    /** Checks {@code rows} in file order; each problem names the row where it shows. */
    public static Findings check(List<LabelledSentence> rows) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Split> docSplit = new HashMap<>();
        Map<String, String> textSplit = new HashMap<>();
        for (LabelledSentence r : rows) {
            String doc = r.source() + "/" + r.docId();
            Split before = docSplit.putIfAbsent(doc, r.split());
            if (before != null && before != r.split()) {
                problems.add("document " + doc + " is in both " + before.label() + " and " + r.split().label()
                        + " (row " + r.id() + ")");
                docSplit.put(doc, r.split()); // report each further switch once
            }
            String seen = textSplit.putIfAbsent(textKey(r.text()), r.split().label());
            if (seen != null && !seen.equals(r.split().label())) {
                problems.add("text of row " + r.id() + " also appears in the " + seen + " split");
            } else if (seen != null) {
                warnings.add("text of row " + r.id() + " appears twice in the " + seen + " split");
            }
            if (DatasetChecker.SYNTHETIC.equals(r.source()) && r.split() != Split.TRAIN) {
                problems.add("synthetic row " + r.id() + " is in the " + r.split().label() + " split (train only)");
            }
        }
        return new Findings(problems, warnings);
    }

    /** Texts that differ only in case or spacing are the same sentence to a model. */
    private static String textKey(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
