package org.stancekit.inference.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.stancekit.runtime.AtomicFile;
import org.stancekit.runtime.Json;

/**
 * The progress record of a resumable run, {@value #FILE} in the output folder. A checkpoint says:
 * the first {@code items} input items (articles and failures alike, in reading order) are fully
 * written, and the temporary output files were exactly {@code lengths} long when they were.
 * Resuming cuts the files back to those lengths and skips those items, so every article is
 * written exactly once whatever a crash left behind. The record is replaced atomically (written
 * aside, forced to disk, renamed: {@link AtomicFile}), so it is always either the old checkpoint or
 * the new one.
 *
 * @param version the record's layout version
 * @param settings what must not change between a run and its resume (inputs, columns, format, model)
 * @param items input items fully written
 * @param lastLocation location of the last of them, to check that the inputs read the same way again
 * @param articles articles scored so far
 * @param sentences sentences scored so far
 * @param failed inputs listed in errors.csv so far
 * @param lengths temporary file lengths by {@link ScoreWriter} key
 */
record RunJournal(int version, String settings, long items, String lastLocation, long articles, long sentences,
                  long failed, Map<String, Long> lengths) {

    /** File name of the record in the output folder. */
    static final String FILE = ".stancekit-progress.json";
    static final int VERSION = 1;


    /** The record in {@code dir}, if an interrupted run left one. */
    static Optional<RunJournal> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RunJournal journal;
        try {
            journal = Json.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), RunJournal.class);
        } catch (IOException e) {
            throw new IOException(file + ": unreadable progress record (" + e.getMessage()
                    + "); delete it to start over", e);
        }
        if (journal.version() != VERSION) {
            throw new IOException(file + ": progress record version " + journal.version() + ", expected " + VERSION);
        }
        return Optional.of(journal);
    }

    /** Replaces the record in {@code dir} atomically and durably. */
    void write(Path dir) throws IOException {
        AtomicFile.write(dir.resolve(FILE), Json.MAPPER.writeValueAsBytes(this));
    }

    /** Removes the record (the run completed, or a new run starts over). */
    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }
}
