package org.stancekit.training.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stancekit.runtime.Sha256;

/**
 * What an evaluation was computed on, as {@code metrics.json} records it under {@code data}: the
 * SHA-256 of the labelled file(s), the split and the number of sentences. {@code --compare-to}
 * refuses to compare two runs whose hash or split differ, because their figures then differ by
 * more than the model.
 *
 * @param sha256 hex SHA-256 of the {@code --data} file, or of several files as {@link #sha256(List)} defines
 * @param split the split evaluated ({@code test}, …)
 * @param sentences the number of sentences evaluated
 */
public record DataFingerprint(String sha256, String split, int sentences) {

    public DataFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(split, "split");
    }

    /**
     * The SHA-256 of the {@code --data} files. One file: the SHA-256 of its bytes, the same as
     * {@code sha256sum FILE}. Several files: the SHA-256 of the UTF-8 text made of each file's hex
     * SHA-256 followed by a line feed, in the order given, so that it is checkable with
     * {@code sha256sum A B | cut -c1-64 | sha256sum}. The order counts, since the split is taken
     * from the files' rows in that order; the file names do not, so moving the data keeps the hash.
     *
     * @throws IOException when a file cannot be read
     */
    public static String sha256(List<Path> files) throws IOException {
        if (files.size() == 1) {
            return Sha256.of(files.get(0));
        }
        List<String> each = new ArrayList<>();
        for (Path file : files) {
            each.add(Sha256.of(file) + "\n");
        }
        return Sha256.of(String.join("", each).getBytes(StandardCharsets.UTF_8));
    }
}
