package org.stancekit.spark.write;

import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.immutable.Map;
import scala.collection.immutable.Seq;

/**
 * A write-only Spark file format for lines made elsewhere: every row's one string column is
 * written as it is (it ends with its own line end), and every file starts with the
 * {@value #HEADER} option's text. The CSV and JSONL outputs are written with it, so that their
 * bytes are those of {@code stancekit score}'s files ({@code ScoreLines}: OpenCSV), while Spark's
 * file commit protocol decides which task attempt's files count. Files are named
 * {@code part-…}{@value #EXTENSION}; with {@code partitionBy} every file has its header.
 *
 * <p>Use it by class name: {@code ds.write().format(LinesFileFormat.class.getName())
 * .option(LinesFileFormat.HEADER, header).option(LinesFileFormat.EXTENSION, ".csv").save(dir)}.
 */
public final class LinesFileFormat implements FileFormat {

    /** The option holding the text every file starts with (empty: none). */
    public static final String HEADER = "header";
    /** The option holding the files' extension, with its dot. */
    public static final String EXTENSION = "extension";

    @Override
    public Option<StructType> inferSchema(SparkSession spark, Map<String, String> options, Seq<org.apache.hadoop.fs.FileStatus> files) {
        throw new UnsupportedOperationException("stancekit lines are written only; read them as CSV or JSON");
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession spark, Job job, Map<String, String> options, StructType schema) {
        if (schema.fields().length != 1 || !schema.fields()[0].dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("stancekit lines need one string column, got " + schema.simpleString());
        }
        String header = options.contains(HEADER) ? options.apply(HEADER) : "";
        String extension = options.contains(EXTENSION) ? options.apply(EXTENSION) : ".txt";
        return new LinesWriterFactory(header, extension);
    }

    @Override
    public String toString() {
        return "stancekit-lines";
    }
}
