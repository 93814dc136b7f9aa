package org.stancekit.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;

/**
 * Several labelled CSVs read as one set ({@code --data A --data B}): a user's own labels beside
 * the shipped ones, for example. Each file is read and validated on its own, so a file may lack
 * the columns another has beyond the required ones (the shipped file's {@code annotation}); the
 * rows are concatenated in the order given. An id in two files is refused, naming both, because
 * the rows of a set are told apart by id (reports, adjudication, mistakes).
 */
public final class LabelledFiles {

    private final LabelSchema schema;

    /** A reader of files labelled with {@code schema}. */
    public LabelledFiles(LabelSchema schema) {
        this.schema = schema;
    }

    /**
     * Reads {@code files} in order and concatenates their rows. One file gives the dataset its
     * reader gives (its origin is the file); several give one whose origin lists them all.
     *
     * @throws DatasetFormatException when a file is malformed, or an id appears in two files
     */
    public Dataset read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no labelled files given");
        }
        LabelledCsvReader reader = new LabelledCsvReader(schema);
        if (files.size() == 1) {
            return reader.read(files.get(0));
        }
        List<LabelledSentence> rows = new ArrayList<>();
        Map<String, Path> firstFile = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (Path file : files) {
            origins.add(file.toString());
            for (LabelledSentence row : reader.read(file).sentences()) {
                Path earlier = firstFile.putIfAbsent(row.id(), file);
                if (earlier != null && problems.size() < LabelledCsvReader.MAX_PROBLEMS) {
                    problems.add(file + ": id '" + LabelledCsvReader.shown(row.id()) + "' is also in " + earlier
                            + "; ids must be unique across the --data files");
                }
                rows.add(row);
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetFormatException(problems);
        }
        return new Dataset(String.join(" + ", origins), schema, rows);
    }
}
