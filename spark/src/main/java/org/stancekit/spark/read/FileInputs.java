package org.stancekit.spark.read;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.stancekit.inference.read.ArticleInput;
import org.stancekit.inference.read.ArticleReader;

import org.stancekit.runtime.Failures;
import scala.Tuple2;

/**
 * Reads {@code .txt}, {@code .csv} and {@code .jsonl} files (gzipped or not, in folders searched
 * recursively) from any file system Spark reaches, with the readers of {@code stancekit score}
 * itself ({@link ArticleReader#read(String, String, java.io.InputStream, java.util.function.Consumer)}):
 * the same formats, columns, checks and failure reasons, OpenCSV for CSV. Each file is read
 * whole by one task (a file is not split); its articles are then spread over the scoring
 * partitions. Hidden files (names starting with {@code .} or {@code _}) are skipped, as Hadoop
 * does.
 */
public final class FileInputs {

    /** Hadoop's switch for listing the files of nested folders. */
    static final String RECURSIVE = "mapreduce.input.fileinputformat.input.dir.recursive";

    private FileInputs() {
    }

    /**
     * The article rows ({@link ArticleRows#SCHEMA}) of every file under {@code path} (a file, a
     * folder or a glob).
     *
     * @param input the position of {@code path} among the inputs, for the input order
     */
    static Dataset<Row> read(SparkSession spark, String path, int input, ReadSettings options) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.hadoopConfiguration().set(RECURSIVE, "true");
        JavaRDD<Row> rows = context.binaryFiles(path).flatMap(new ReadFile(options, input));
        return spark.createDataFrame(rows, ArticleRows.SCHEMA);
    }

    /** Reads one file into its rows, on an executor. */
    private static final class ReadFile implements FlatMapFunction<Tuple2<String, PortableDataStream>, Row> {

        private static final long serialVersionUID = 1L;

        private final ReadSettings options;
        private final int input;

        ReadFile(ReadSettings options, int input) {
            this.options = options;
            this.input = input;
        }

        @Override
        public Iterator<Row> call(Tuple2<String, PortableDataStream> file) {
            String uri = file._1();
            String location = uri.startsWith("file:") ? new Path(uri).toUri().getPath() : uri;
            List<Row> rows = new ArrayList<>();
            ArticleReader reader = new ArticleReader(options.options());
            try (DataInputStream in = file._2().open()) {
                reader.read(new Path(uri).getName(), location, in, item -> rows.add(ArticleRows.of(item, input, uri, rows.size())));
            } catch (IOException e) {
                rows.add(ArticleRows.of(new ArticleInput.Failed(location, "", "cannot read: " + Failures.reason(e)),
                        input, uri, rows.size()));
            }
            return rows.iterator();
        }
    }
}
