package org.stancekit.training.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;

/**
 * The files of one annotation round, in its folder ({@code datasets/round3/}):
 * <pre>
 * plan.properties               the sampling plan
 * pool.csv                      the sampled sentences (dataset sample)
 * pass-a.csv, pass-b.csv        two independent passes (pass B over a subset)
 * adjudication.csv              the settled A/B disagreements
 * reannotation/pool.csv         labelled rows a guideline change can affect (dataset reannotate)
 * reannotation/previous.csv     their labels before the round
 * reannotation/pass-r.csv       a new pass over all of them, blind to the previous labels
 * reannotation/pass-r2.csv      a second new pass over the test rows among them
 * reannotation/adjudication.csv the settled disagreements (previous vs R; R vs R2 on test)
 * </pre>
 *
 * @param dir the round's folder
 */
public record RoundFiles(Path dir) {

    Path pool() {
        return dir.resolve("pool.csv");
    }

    Path passA() {
        return dir.resolve("pass-a.csv");
    }

    Path passB() {
        return dir.resolve("pass-b.csv");
    }

    Path adjudication() {
        return dir.resolve("adjudication.csv");
    }

    Path reannotationPool() {
        return dir.resolve("reannotation/pool.csv");
    }

    Path previous() {
        return dir.resolve("reannotation/previous.csv");
    }

    Path passR() {
        return dir.resolve("reannotation/pass-r.csv");
    }

    Path passR2() {
        return dir.resolve("reannotation/pass-r2.csv");
    }

    Path reannotationAdjudication() {
        return dir.resolve("reannotation/adjudication.csv");
    }

    /** Whether the round re-annotates existing rows. */
    boolean reannotates() {
        return Files.exists(reannotationPool());
    }

    /** A pass file, or an empty pass when the file is absent. */
    static Map<String, Labels> pass(Path file, LabelSchema schema) throws IOException {
        return Files.exists(file) ? org.stancekit.training.Annotation.read(file, schema) : new LinkedHashMap<>();
    }

    /** The new rows' contests: pass A against pass B. */
    public List<Adjudication.Contest> newRowContests(LabelSchema schema) throws IOException {
        return Adjudication.contests(pass(passA(), schema), pass(passB(), schema));
    }

    /**
     * The re-annotated rows' contests: for test rows, pass R against pass R2 (both under the new
     * guidelines, so that test labels rest on two new passes); for the others, the previous label
     * against pass R.
     */
    public List<Adjudication.Contest> reannotationContests(LabelSchema schema) throws IOException {
        List<Adjudication.Contest> out = new ArrayList<>();
        for (Reannotated r : reannotated(schema)) {
            if (!r.first().equals(r.second())) {
                out.add(new Adjudication.Contest(r.row().id(), r.first(), r.second()));
            }
        }
        return out;
    }

    /**
     * A re-annotated row with the two label sets compared for it.
     *
     * @param row the row as sampled for re-annotation
     * @param previous its label before the round ({@code null} if previous.csv lacks it; only a
     *                 test row may, since its two compared passes are both new)
     * @param first pass R for a test row, else the previous label
     * @param second pass R2 for a test row, else pass R
     */
    public record Reannotated(PoolRow row, Labels previous, Labels first, Labels second) {
    }

    /**
     * Every re-annotated row, in pool order, with the two label sets compared for it (empty when
     * the round re-annotates nothing).
     *
     * @throws IllegalArgumentException when a row lacks a label in one of the passes
     */
    public List<Reannotated> reannotated(LabelSchema schema) throws IOException {
        if (!reannotates()) {
            return List.of();
        }
        Map<String, Labels> previous = pass(previous(), schema);
        Map<String, Labels> r = pass(passR(), schema);
        Map<String, Labels> r2 = pass(passR2(), schema);
        List<Reannotated> out = new ArrayList<>();
        for (PoolRow row : PoolFile.read(reannotationPool())) {
            boolean test = row.split() == Split.TEST;
            Labels first = test ? r.get(row.id()) : previous.get(row.id());
            Labels second = test ? r2.get(row.id()) : r.get(row.id());
            if (first == null || second == null) {
                throw new IllegalArgumentException("re-annotated row " + row.id() + " lacks a label in "
                        + (test ? "pass-r.csv or pass-r2.csv" : "previous.csv or pass-r.csv"));
            }
            out.add(new Reannotated(row, previous.get(row.id()), first, second));
        }
        return out;
    }
}
