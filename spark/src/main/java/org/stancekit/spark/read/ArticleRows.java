package org.stancekit.spark.read;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.read.ArticleReader;

/**
 * The rows the job scores: one per article read, or per input that could not be read, in every
 * input format alike. An article row holds its id and text as read (the shared checks run again
 * where all the copies of an id meet, {@link org.stancekit.spark.score.PartitionScorer}); a failed
 * input carries its reason in {@code failure}. The three {@code order_*} columns give the input
 * order: which input (as given on the command line), which file, which record of the file, so
 * that a partition is scored in input order and a duplicate id keeps its first occurrence, as
 * {@code stancekit score} does.
 */
public final class ArticleRows {

    /** Column names. */
    public static final String ID = "id";
    /** The article's text. */
    public static final String TEXT = "text";
    /** The file, or {@code file:line}, the article came from. */
    public static final String LOCATION = "location";
    /** Why the input could not be read; null for an article. */
    public static final String FAILURE = "failure";
    /** The input's position among the inputs given. */
    public static final String ORDER_INPUT = "order_input";
    /** The file within the input. */
    public static final String ORDER_FILE = "order_file";
    /** The record within the file. */
    public static final String ORDER_ROW = "order_row";

    /** The schema of the rows. */
    public static final StructType SCHEMA = new StructType()
            .add(ID, DataTypes.StringType, true)
            .add(TEXT, DataTypes.StringType, true)
            .add(LOCATION, DataTypes.StringType, false)
            .add(FAILURE, DataTypes.StringType, true)
            .add(ORDER_INPUT, DataTypes.IntegerType, false)
            .add(ORDER_FILE, DataTypes.StringType, false)
            .add(ORDER_ROW, DataTypes.LongType, false);

    private ArticleRows() {
    }

    /** The columns that order rows as the inputs are ordered. */
    public static List<Column> inputOrder() {
        return List.of(col(ORDER_INPUT), col(ORDER_FILE), col(ORDER_ROW));
    }

    /** The row of one item a StanceKit reader handed on. */
    static Row of(ArticleInput item, int input, String file, long record) {
        if (item instanceof ArticleInput.Loaded loaded) {
            return RowFactory.create(loaded.article().id(), loaded.article().text(), loaded.location(), null,
                    input, file, record);
        }
        ArticleInput.Failed failed = (ArticleInput.Failed) item;
        return RowFactory.create(failed.id(), null, failed.location(), failed.reason(), input, file, record);
    }

    /**
     * The item a row stands for once the shared checks of {@code checker} ran on it (a non-empty
     * id, unique within the checker; text with letters or digits, within the length limit): a
     * failure as it was read, a row without text, or what the checks make of the article.
     */
    public static ArticleInput item(Row row, ArticleReader checker) {
        String id = row.isNullAt(0) ? "" : row.getString(0);
        String location = row.getString(2);
        if (!row.isNullAt(3)) {
            return new ArticleInput.Failed(location, id, row.getString(3));
        }
        if (row.isNullAt(1)) {
            return new ArticleInput.Failed(location, id, "missing text (the text column is null)");
        }
        return checker.check(id, row.getString(1), location);
    }
}
