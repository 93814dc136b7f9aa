package org.stancekit.training.dataset;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes pool rows as annotation batches: what an annotator sees, and nothing more. A batch
 * holds the row id, the document's title, date and speaker, and the sentence with the one before
 * and after it; never a label, a model's prediction or another annotator's choice. Rows keep
 * their pool order, so a passage reads in sequence.
 */
public final class AnnotationBatches {

    /** The columns of a batch file. */
    public static final List<String> HEADER = List.of("id", "title", "date", "speaker", "before", "text", "after");

    private AnnotationBatches() {
    }

    /**
     * Writes {@code rows} in batches of at most {@code size} as {@code PREFIX-01.csv}, … in
     * {@code dir}, and returns the files.
     */
    public static List<Path> write(List<PoolRow> rows, int size, Path dir, String prefix) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += size) {
            Path file = dir.resolve(String.format(Locale.ROOT, "%s-%02d.csv", prefix, files.size() + 1));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVWriter csv = new CSVWriter(out)) {
                csv.writeNext(HEADER.toArray(String[]::new));
                for (PoolRow r : rows.subList(start, Math.min(rows.size(), start + size))) {
                    csv.writeNext(new String[] {r.id(), r.title(), r.date(), r.speaker(), r.before(), r.text(), r.after()});
                }
            }
            files.add(file);
        }
        return files;
    }
}
