package org.stancekit.training;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Split;

/**
 * Reads {@code labelled/articles.csv}: {@code doc_id,source,split,text,<party>...} with an optional
 * {@code annotation} column (extra columns such as {@code date} and {@code title} are ignored).
 * Bad rows are reported as {@code file:line: reason}, as for the sentences file.
 */
public final class LabelledArticleReader {

    /** The file name beside {@code sentences.csv} that holds the article labels. */
    public static final String FILE_NAME = "articles.csv";

    /** The values of the {@code annotation} column. */
    public static final List<String> ANNOTATIONS = List.of("single", "double-agreed", "double-adjudicated");

    private final LabelSchema schema;

    /** A reader for article labels of {@code schema}'s parties. */
    public LabelledArticleReader(LabelSchema schema) {
        this.schema = schema;
    }

    /** Reads and validates a file ({@code .gz} decompressed). */
    public List<LabelledArticle> read(Path file) throws IOException {
        return table().read(file);
    }

    /** Reads and validates CSV text; {@code origin} names it in messages. */
    public List<LabelledArticle> read(Reader in, String origin) throws IOException {
        return table().read(in, origin);
    }

    /** The columns the file must have, in the documented order. */
    public List<String> requiredColumns() {
        List<String> cols = new ArrayList<>(List.of("doc_id", "source", "split", "text"));
        schema.parties().forEach(p -> cols.add(LabelSchema.column(p)));
        return cols;
    }

    private LabelledTable<LabelledArticle> table() {
        return new LabelledTable<>(requiredColumns(), this::parse, LabelledArticle::docId);
    }

    private LabelledArticle parse(String[] row, Map<String, Integer> columns) {
        LabelledTable.KeyAndText keyAndText = LabelledTable.keyAndText(row, columns, "doc_id");
        List<String> stances = LabelledTable.stances(row, columns, schema);
        Split split = LabelledTable.split(row, columns);
        String annotation = "";
        Integer column = columns.get("annotation");
        if (column != null) {
            annotation = row[column].strip().toLowerCase(java.util.Locale.ROOT);
            if (!annotation.isEmpty() && !ANNOTATIONS.contains(annotation)) {
                throw new IllegalArgumentException("unknown annotation '" + LabelledCsvReader.shown(row[column])
                        + "' (expected one of " + String.join(", ", ANNOTATIONS) + ")");
            }
        }
        return new LabelledArticle(keyAndText.key(), row[columns.get("source")].strip(), keyAndText.text(), stances, split,
                annotation);
    }
}
