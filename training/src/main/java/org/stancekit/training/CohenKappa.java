package org.stancekit.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cohen's kappa: agreement of two annotators on the same items, corrected for chance. */
public final class CohenKappa {

    private CohenKappa() {
    }

    /**
     * Kappa of two parallel label lists: {@code (po - pe) / (1 - pe)}, where {@code po} is the
     * observed agreement and {@code pe} the agreement expected from each annotator's label
     * frequencies. 1 when both used a single identical label throughout (no chance to disagree).
     */
    public static double of(List<String> a, List<String> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new IllegalArgumentException("kappa needs two non-empty lists of equal length");
        }
        int n = a.size();
        Map<String, Integer> countA = new HashMap<>();
        Map<String, Integer> countB = new HashMap<>();
        int agree = 0;
        for (int i = 0; i < n; i++) {
            countA.merge(a.get(i), 1, Integer::sum);
            countB.merge(b.get(i), 1, Integer::sum);
            if (a.get(i).equals(b.get(i))) {
                agree++;
            }
        }
        double po = (double) agree / n;
        double pe = 0;
        for (Map.Entry<String, Integer> e : countA.entrySet()) {
            pe += (double) e.getValue() / n * countB.getOrDefault(e.getKey(), 0) / n;
        }
        return pe >= 1.0 ? 1.0 : (po - pe) / (1 - pe);
    }
}
