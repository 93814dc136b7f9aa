package org.stancekit.spark.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.stancekit.inference.read.ReaderOptions;

/**
 * Articles from a table: a Parquet input, or any Dataset a user hands to the API, with id and
 * text columns (named by {@link ReaderOptions}, matched in any case as CSV columns are). The id
 * is taken as text (a number becomes its digits); the checks of {@code stancekit score} apply
 * when the rows are scored. A row is located by its file, or {@code table} for a Dataset built in
 * memory, and ordered as Spark reads the table.
 */
public final class TableInputs {

    private TableInputs() {
    }

    /**
     * The article rows ({@link ArticleRows#SCHEMA}) of {@code table}.
     *
     * @param name how messages name the table (a path, {@code Dataset})
     * @param input the table's position among the inputs, for the input order
     * @throws IllegalArgumentException when the table lacks the id or text column, naming those it has
     */
    public static Dataset<Row> rows(Dataset<Row> table, String name, int input, ReaderOptions options) {
        String id = column(table.schema(), options.idColumn(), name, "--id-column");
        String text = column(table.schema(), options.textColumn(), name, "--text-column");
        Column file = input_file_name();
        return table.select(
                col(id).cast(DataTypes.StringType).as(ArticleRows.ID),
                col(text).cast(DataTypes.StringType).as(ArticleRows.TEXT),
                when(file.equalTo(""), lit("table")).otherwise(file).as(ArticleRows.LOCATION),
                lit(null).cast(DataTypes.StringType).as(ArticleRows.FAILURE),
                lit(input).as(ArticleRows.ORDER_INPUT),
                file.as(ArticleRows.ORDER_FILE),
                monotonically_increasing_id().as(ArticleRows.ORDER_ROW));
    }

    /** The table's column named {@code wanted} in any case. */
    private static String column(StructType schema, String wanted, String name, String option) {
        String key = wanted.strip().toLowerCase(Locale.ROOT);
        for (String field : schema.fieldNames()) {
            if (field.toLowerCase(Locale.ROOT).equals(key)) {
                return field;
            }
        }
        throw new IllegalArgumentException(name + ": no column '" + wanted + "' (its columns: "
                + String.join(", ", Arrays.asList(schema.fieldNames())) + "); name another with " + option);
    }
}
