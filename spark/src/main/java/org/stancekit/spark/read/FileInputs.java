package org.stancekit.spark.read;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
import org.stancekit.inference.read.InputFile;
import org.stancekit.inference.read.ReaderOptions;
import org.stancekit.runtime.Failures;
import scala.Tuple2;

/**
 * Reads {@code .txt}, {@code .csv} and {@code .jsonl} files (gzipped or not, in folders searched
 * recursively) from any file system Spark reaches, with the readers of {@code stancekit score}
 * itself ({@link ArticleReader#read(String, String, java.io.InputStream, java.util.function.Consumer)}):
 * the same formats, columns, checks and failure reasons, OpenCSV for CSV. Each file is read
 * whole by one task (a file is not split); its articles are then spread over the scoring
 * partitions. A local folder is listed as {@code score} lists it ({@link ArticleReader#files});
 * on other file systems Hadoop lists it, skipping names that start with {@code .} or {@code _}.
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
    static Dataset<Row> read(SparkSession spark, String path, int input, ReaderOptions options) throws IOException {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows;
        java.nio.file.Path local = Inputs.localPath(path);
        if (local != null) {
            // Listed here as `score` lists it (same order, same hidden files, same problems), read
            // on the executors: Hadoop's listing of a local folder runs a shell command per file.
            List<LocalFile> files = new ArrayList<>();
            for (InputFile f : ArticleReader.files(local)) {
                files.add(new LocalFile(files.size(), f.path().toString(), f.problem()));
            }
            int slices = Math.max(1, Math.min(files.size(), 4 * context.defaultParallelism()));
            rows = context.parallelize(files, slices).flatMap(new ReadLocalFile(options, input));
        } else {
            context.hadoopConfiguration().set(RECURSIVE, "true");
            rows = context.binaryFiles(path).flatMap(new ReadFile(options, input));
        }
        return spark.createDataFrame(rows, ArticleRows.SCHEMA);
    }

    /**
     * A local file to read, or a path that cannot be read and why.
     *
     * @param index its place in the listing (the input order)
     * @param path the file
     * @param problem null for a file to read
     */
    private record LocalFile(int index, String path, String problem) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Reads one local file into its rows, on an executor (which sees the same file system: local mode, or a shared mount). */
    private static final class ReadLocalFile implements FlatMapFunction<LocalFile, Row> {

        private static final long serialVersionUID = 1L;

        private final ReaderOptions options;
        private final int input;

        ReadLocalFile(ReaderOptions options, int input) {
            this.options = options;
            this.input = input;
        }

        @Override
        public Iterator<Row> call(LocalFile file) {
            String order = String.format(Locale.ROOT, "%012d", file.index());
            List<Row> rows = new ArrayList<>();
            if (file.problem() != null) {
                rows.add(ArticleRows.of(new ArticleInput.Failed(file.path(), "", file.problem()), input, order, 0));
                return rows.iterator();
            }
            java.nio.file.Path path = java.nio.file.Path.of(file.path());
            ArticleReader reader = new ArticleReader(options);
            try (InputStream in = Files.newInputStream(path)) {
                reader.read(path.getFileName().toString(), file.path(), in,
                        item -> rows.add(ArticleRows.of(item, input, order, rows.size())));
            } catch (IOException e) {
                rows.add(ArticleRows.of(new ArticleInput.Failed(file.path(), "", "cannot read: " + Failures.reason(e)),
                        input, order, rows.size()));
            }
            return rows.iterator();
        }
    }

    /** Reads one file into its rows, on an executor. */
    private static final class ReadFile implements FlatMapFunction<Tuple2<String, PortableDataStream>, Row> {

        private static final long serialVersionUID = 1L;

        private final ReaderOptions options;
        private final int input;

        ReadFile(ReaderOptions options, int input) {
            this.options = options;
            this.input = input;
        }

        @Override
        public Iterator<Row> call(Tuple2<String, PortableDataStream> file) {
            String uri = file._1();
            String location = uri.startsWith("file:") ? new Path(uri).toUri().getPath() : uri;
            List<Row> rows = new ArrayList<>();
            ArticleReader reader = new ArticleReader(options);
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
