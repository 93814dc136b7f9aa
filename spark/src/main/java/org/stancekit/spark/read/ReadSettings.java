package org.stancekit.spark.read;

import java.io.Serializable;
import org.stancekit.inference.read.ReaderOptions;

/**
 * {@link ReaderOptions} as tasks receive them (Spark serialises what a task needs).
 *
 * @param idColumn the id column or field (any case for CSV and tables)
 * @param textColumn the text column or field
 * @param maxChars the longest article accepted, in characters
 */
public record ReadSettings(String idColumn, String textColumn, int maxChars) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@code score}'s defaults: {@code id}, {@code text}, 200,000 characters. */
    public static final ReadSettings DEFAULT = of(ReaderOptions.DEFAULT);

    public ReadSettings {
        options(idColumn, textColumn, maxChars); // the same validation, at once on the driver
    }

    /** The settings of these reader options. */
    public static ReadSettings of(ReaderOptions options) {
        return new ReadSettings(options.idColumn(), options.textColumn(), options.maxArticleChars());
    }

    /** The reader options. */
    public ReaderOptions options() {
        return options(idColumn, textColumn, maxChars);
    }

    private static ReaderOptions options(String id, String text, int max) {
        return new ReaderOptions(id, text, max);
    }
}
