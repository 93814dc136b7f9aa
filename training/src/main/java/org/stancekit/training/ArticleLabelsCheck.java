package org.stancekit.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;

/**
 * Verifies {@code labelled/articles.csv} against the sentences file: every document has sentences
 * there and keeps their split, every test document was annotated twice, and, from the two
 * independent passes ({@code article-labels/pass-a.csv} and {@code pass-b.csv}), the agreement per
 * party (Cohen's kappa) on the documents both passes labelled.
 */
public final class ArticleLabelsCheck {

    /**
     * What the check found.
     *
     * @param problems rule violations (the check fails)
     * @param bySplit documents per split
     * @param stanceCounts per party, label counts over all documents
     * @param doubleAnnotated documents in both passes
     * @param kappa per party, Cohen's kappa of the two passes; empty without pass files
     */
    public record Result(List<String> problems, Map<String, Integer> bySplit, Map<String, Map<String, Integer>> stanceCounts,
                         int doubleAnnotated, Map<String, Double> kappa) {

        /** True when no rule is broken. */
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** The folder beside {@code labelled/} that holds the two article passes. */
    public static final String PASSES_FOLDER = "article-labels";

    private ArticleLabelsCheck() {
    }

    /**
     * Checks the articles against {@code sentences}.
     *
     * @param passA the first pass ({@code doc_id,<party>...}), or null
     * @param passB the second, independent pass, or null
     */
    public static Result check(List<LabelledArticle> articles, Dataset sentences, Path passA, Path passB)
            throws IOException {
        LabelSchema schema = sentences.schema();
        List<String> problems = new ArrayList<>();
        Map<String, Split> splitOf = new HashMap<>();
        for (LabelledSentence s : sentences.sentences()) {
            splitOf.put(s.docId(), s.split());
        }
        Map<String, Integer> bySplit = new LinkedHashMap<>();
        for (Split s : Split.values()) {
            bySplit.put(s.label(), 0);
        }
        for (LabelledArticle a : articles) {
            bySplit.merge(a.split().label(), 1, Integer::sum);
            Split expected = splitOf.get(a.docId());
            if (expected == null) {
                problems.add("article " + a.docId() + " has no sentences in " + sentences.origin());
            } else if (expected != a.split()) {
                problems.add("article " + a.docId() + " is in " + a.split().label() + " but its sentences are in "
                        + expected.label() + " (a document keeps the split of its sentences)");
            }
            if (a.split() == Split.TEST && !a.annotation().startsWith("double")) {
                problems.add("test article " + a.docId() + " was not annotated twice (annotation '" + a.annotation() + "')");
            }
        }
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            Map<String, Integer> c = new LinkedHashMap<>();
            schema.stances().forEach(l -> c.put(l, 0));
            int party = p;
            articles.forEach(a -> c.merge(a.stances().get(party), 1, Integer::sum));
            counts.put(LabelSchema.column(schema.parties().get(p)), c);
        }
        int both = 0;
        Map<String, Double> kappa = new LinkedHashMap<>();
        if (passA != null && passB != null && Files.isRegularFile(passA) && Files.isRegularFile(passB)) {
            Map<String, List<String>> a = pass(passA, schema);
            Map<String, List<String>> b = pass(passB, schema);
            List<String> ids = a.keySet().stream().filter(b::containsKey).sorted().toList();
            both = ids.size();
            for (int p = 0; p < schema.parties().size(); p++) {
                int party = p;
                kappa.put(LabelSchema.column(schema.parties().get(p)), CohenKappa.of(
                        ids.stream().map(id -> a.get(id).get(party)).toList(),
                        ids.stream().map(id -> b.get(id).get(party)).toList()));
            }
            for (LabelledArticle article : articles) {
                if (article.split() == Split.TEST && !(a.containsKey(article.docId()) && b.containsKey(article.docId()))) {
                    problems.add("test article " + article.docId() + " is missing from " + passA + " or " + passB);
                }
            }
        }
        return new Result(problems, bySplit, counts, both, kappa);
    }

    /** A pass file's labels by document: {@code doc_id} and one column per party (other columns ignored). */
    private static Map<String, List<String>> pass(Path file, LabelSchema schema) throws IOException {
        List<String> required = new ArrayList<>(List.of("doc_id"));
        schema.parties().forEach(p -> required.add(LabelSchema.column(p)));
        record Row(String docId, List<String> stances) {
        }
        List<Row> rows = new LabelledTable<Row>(required, (row, columns) -> {
            List<String> stances = new ArrayList<>();
            for (String party : schema.parties()) {
                String column = LabelSchema.column(party);
                stances.add(LabelledTable.label(row[columns.get(column)], schema.stances(), "stance", column));
            }
            return new Row(row[columns.get("doc_id")].strip(), stances);
        }, Row::docId).read(file);
        Map<String, List<String>> out = new TreeMap<>();
        rows.forEach(r -> out.put(r.docId(), r.stances()));
        return out;
    }

    /** One paragraph for {@code dataset check}: counts, agreement, problems. */
    public static String summary(Result r, Path file) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%narticles: %d  (train %d, dev %d, test %d) in %s%n",
                r.bySplit().values().stream().mapToInt(Integer::intValue).sum(), r.bySplit().get("train"),
                r.bySplit().get("dev"), r.bySplit().get("test"), file));
        r.stanceCounts().forEach((party, c) -> sb.append(String.format(Locale.ROOT, "  %-9s %s%n", party, c)));
        if (!r.kappa().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  agreement of the two passes on %d documents (Cohen's kappa): ",
                    r.doubleAnnotated()));
            List<String> parts = new ArrayList<>();
            r.kappa().forEach((party, k) -> parts.add(String.format(Locale.ROOT, "%s %.3f", party, k)));
            sb.append(String.join(", ", parts)).append(System.lineSeparator());
        }
        r.problems().forEach(p -> sb.append("  PROBLEM: ").append(p).append(System.lineSeparator()));
        sb.append(r.passed() ? "article labels check passed" : "article labels check FAILED").append(System.lineSeparator());
        return sb.toString();
    }
}
