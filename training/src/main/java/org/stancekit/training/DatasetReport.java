package org.stancekit.training;

import java.util.List;
import java.util.Map;

/**
 * What {@code stancekit dataset check} found.
 *
 * @param sentences rows in the file
 * @param bySplit rows per split
 * @param stanceCounts {@code party → split → label → count}; split "all" sums them
 * @param referring {@code party → rows whose stance is not NONE}
 * @param noParty rows with NONE for every party
 * @param sentimentCounts {@code split → label → count}; split "all" sums them
 * @param bySource rows per source
 * @param doubleAnnotated rows labelled by both annotators (0 without agreement files)
 * @param kappa Cohen's kappa per party (lower case) and for {@code sentiment}; empty without agreement files
 * @param doubleAnnotatedBySplit double-annotated rows per split (splits without any left out)
 * @param kappaBySplit {@code split → } the kappas of {@code kappa} over that split's double-annotated rows
 * @param doubleAnnotatedBySource double-annotated rows per source (sources without any left out)
 * @param kappaBySource {@code source → } the kappas over that source's double-annotated rows
 * @param problems every violation found; the check passes when empty
 * @param warnings notes that do not fail the check
 */
public record DatasetReport(int sentences, Map<String, Integer> bySplit,
                            Map<String, Map<String, Map<String, Integer>>> stanceCounts,
                            Map<String, Integer> referring, int noParty,
                            Map<String, Map<String, Integer>> sentimentCounts, Map<String, Integer> bySource,
                            int doubleAnnotated, Map<String, Double> kappa,
                            Map<String, Integer> doubleAnnotatedBySplit, Map<String, Map<String, Double>> kappaBySplit,
                            Map<String, Integer> doubleAnnotatedBySource, Map<String, Map<String, Double>> kappaBySource,
                            List<String> problems, List<String> warnings) {

    /** True when no problem was found. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
