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
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;

/**
 * Verifies a labelled dataset beyond what the reader checks row by row: that it has rows, that
 * no document straddles two splits, that no text appears in two splits, that synthetic text stays
 * out of test and small in train, that every test sentence was double-annotated, and computes the
 * counts and the inter-annotator agreement from the two annotation files.
 *
 * <p>The first three are data-integrity rules ({@link SplitIntegrity}), which {@code train}
 * enforces too ({@link TrainingDataCheck}); the share of synthetic rows and the double
 * annotation are the shipped dataset's own policy, checked here only.
 */
public final class DatasetChecker {

    /** The {@code source} value of text written by the project itself. */
    public static final String SYNTHETIC = "synthetic";
    /** Largest share of synthetic rows allowed in the train split. */
    public static final double MAX_SYNTHETIC_SHARE = 0.10;

    /**
     * Checks {@code data}. {@code annotatorA} and {@code annotatorB} are the two independent
     * annotation files, or {@code null} when the dataset has none.
     */
    public DatasetReport check(Dataset data, Path annotatorA, Path annotatorB) throws IOException {
        List<Path[]> pairs = new ArrayList<>();
        if (annotatorA != null && annotatorB != null) {
            pairs.add(new Path[] {annotatorA, annotatorB});
        }
        return check(data, pairs);
    }

    /**
     * Checks {@code data} against any number of agreement pairs (one per annotation round, each
     * two independent passes). A sentence in several pairs counts by the last pair that has it:
     * a later round that annotated it again made its current label.
     */
    public DatasetReport check(Dataset data, List<Path[]> pairs) throws IOException {
        LabelSchema schema = data.schema();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<LabelledSentence> rows = data.sentences();

        Map<String, Integer> bySplit = new LinkedHashMap<>();
        Map<String, Integer> bySource = new TreeMap<>();
        for (Split s : Split.values()) {
            bySplit.put(s.label(), 0);
        }
        int synthetic = 0;
        for (LabelledSentence r : rows) {
            bySplit.merge(r.split().label(), 1, Integer::sum);
            bySource.merge(r.source(), 1, Integer::sum);
            if (SYNTHETIC.equals(r.source()) && r.split() == Split.TRAIN) {
                synthetic++;
            }
        }
        if (rows.isEmpty()) {
            problems.add(TrainingDataCheck.NO_SENTENCES);
        } else {
            // Not problems: a file of test rows only is a sound evaluation set. But say so, because
            // train refuses it.
            TrainingDataCheck.degeneracy(data).forEach(d -> warnings.add("train would refuse this file: " + d));
        }
        SplitIntegrity.Findings integrity = SplitIntegrity.check(rows);
        problems.addAll(integrity.problems());
        warnings.addAll(integrity.warnings());
        int train = bySplit.get(Split.TRAIN.label());
        if (train > 0 && synthetic > MAX_SYNTHETIC_SHARE * train) {
            problems.add(String.format(Locale.ROOT, "%d synthetic rows are more than %.0f%% of the %d train rows",
                    synthetic, MAX_SYNTHETIC_SHARE * 100, train));
        }

        Map<String, Map<String, Map<String, Integer>>> stanceCounts = new LinkedHashMap<>();
        Map<String, Integer> referring = new LinkedHashMap<>();
        for (int p = 0; p < schema.parties().size(); p++) {
            String party = LabelSchema.column(schema.parties().get(p));
            int index = p;
            stanceCounts.put(party, counts(rows, schema.stances(), r -> r.labels().stances().get(index)));
            referring.put(party, (int) rows.stream()
                    .filter(r -> !r.labels().stances().get(index).equals(LabelSchema.NONE)).count());
        }
        int noParty = (int) rows.stream()
                .filter(r -> r.labels().stances().stream().allMatch(LabelSchema.NONE::equals)).count();
        Map<String, Map<String, Integer>> sentimentCounts = counts(rows, schema.sentiments(), r -> r.labels().sentiment());

        int doubleAnnotated = 0;
        Map<String, Double> kappa = new LinkedHashMap<>();
        Map<String, Integer> doubleBySplit = new LinkedHashMap<>();
        Map<String, Map<String, Double>> kappaBySplit = new LinkedHashMap<>();
        Map<String, Integer> doubleBySource = new LinkedHashMap<>();
        Map<String, Map<String, Double>> kappaBySource = new LinkedHashMap<>();
        if (!pairs.isEmpty()) {
            Map<String, Labels> a = new LinkedHashMap<>();
            Map<String, Labels> b = new LinkedHashMap<>();
            for (Path[] pair : pairs) {
                Map<String, Labels> pa = Annotation.read(pair[0], schema);
                Map<String, Labels> pb = Annotation.read(pair[1], schema);
                pa.keySet().stream().filter(pb::containsKey).forEach(id -> {
                    a.put(id, pa.get(id));
                    b.put(id, pb.get(id));
                });
            }
            List<String> both = List.copyOf(a.keySet());
            doubleAnnotated = both.size();
            Map<String, LabelledSentence> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r));
            both.stream().filter(id -> !byId.containsKey(id)).findFirst().ifPresent(id ->
                    problems.add("agreement files name sentence " + id + ", which is not in " + data.origin()));
            for (LabelledSentence r : rows) {
                if (r.split() == Split.TEST && !(a.containsKey(r.id()) && b.containsKey(r.id()))) {
                    problems.add("test sentence " + r.id() + " was not annotated twice");
                }
            }
            kappa.putAll(kappas(both, a, b, schema));
            // Per split too: the test split was annotated twice in full, other splits in samples,
            // and the card reports both.
            for (Split split : Split.values()) {
                List<String> ids = both.stream()
                        .filter(id -> byId.containsKey(id) && byId.get(id).split() == split).toList();
                if (!ids.isEmpty()) {
                    doubleBySplit.put(split.label(), ids.size());
                    kappaBySplit.put(split.label(), kappas(ids, a, b, schema));
                }
            }
            for (String source : bySource.keySet()) {
                List<String> ids = both.stream()
                        .filter(id -> byId.containsKey(id) && byId.get(id).source().equals(source)).toList();
                if (!ids.isEmpty()) {
                    doubleBySource.put(source, ids.size());
                    kappaBySource.put(source, kappas(ids, a, b, schema));
                }
            }
        } else if (bySplit.get(Split.TEST.label()) > 0) {
            warnings.add("no agreement files given: double annotation of the test split not checked");
        }
        return new DatasetReport(rows.size(), bySplit, stanceCounts, referring, noParty, sentimentCounts, bySource,
                doubleAnnotated, kappa, doubleBySplit, kappaBySplit, doubleBySource, kappaBySource, problems, warnings);
    }

    /** Cohen's kappa per party and for sentiment over the sentences {@code ids} (empty when none). */
    private static Map<String, Double> kappas(List<String> ids, Map<String, Labels> a, Map<String, Labels> b,
                                              LabelSchema schema) {
        Map<String, Double> kappa = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return kappa;
        }
        for (int p = 0; p < schema.parties().size(); p++) {
            int index = p;
            kappa.put(LabelSchema.column(schema.parties().get(p)), CohenKappa.of(
                    ids.stream().map(id -> a.get(id).stances().get(index)).toList(),
                    ids.stream().map(id -> b.get(id).stances().get(index)).toList()));
        }
        kappa.put("sentiment", CohenKappa.of(ids.stream().map(id -> a.get(id).sentiment()).toList(),
                ids.stream().map(id -> b.get(id).sentiment()).toList()));
        return kappa;
    }

    /**
     * The agreement pairs next to a dataset: every {@code [ROUND_]annotator_a.csv} in
     * {@code ../agreement/} with its {@code _b} twin, the unprefixed pair (the first rounds) first,
     * then by name, so that later rounds come later.
     */
    public static List<Path[]> defaultAgreementPairs(Path data) throws IOException {
        Path dir = data.toAbsolutePath().getParent().resolveSibling("agreement");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path[]> pairs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("annotator_a.csv"))
                    .sorted(java.util.Comparator.comparing((String n) -> !n.equals("annotator_a.csv")).thenComparing(n -> n))
                    .forEach(n -> {
                        Path b = dir.resolve(n.replace("annotator_a.csv", "annotator_b.csv"));
                        if (Files.exists(b)) {
                            pairs.add(new Path[] {dir.resolve(n), b});
                        }
                    });
        }
        return pairs;
    }

    private static Map<String, Map<String, Integer>> counts(List<LabelledSentence> rows, List<String> labels,
                                                           java.util.function.Function<LabelledSentence, String> label) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        List<String> splits = new ArrayList<>();
        for (Split s : Split.values()) {
            splits.add(s.label());
        }
        splits.add("all");
        for (String s : splits) {
            Map<String, Integer> m = new LinkedHashMap<>();
            labels.forEach(l -> m.put(l, 0));
            out.put(s, m);
        }
        for (LabelledSentence r : rows) {
            out.get(r.split().label()).merge(label.apply(r), 1, Integer::sum);
            out.get("all").merge(label.apply(r), 1, Integer::sum);
        }
        return out;
    }
}
