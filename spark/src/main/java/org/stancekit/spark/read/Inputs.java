package org.stancekit.spark.read;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.stancekit.inference.read.ReaderOptions;

/**
 * The job's inputs, any paths Spark reads (local, {@code hdfs://}, {@code s3a://} with the
 * cluster's connectors; globs too), each read as files or as a Parquet table, as one Dataset of
 * {@link ArticleRows}.
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The article rows of every input, in the order given.
     *
     * @throws NoSuchFileException when an input matches nothing (before anything runs)
     * @throws IllegalArgumentException when a Parquet input lacks the id or text column
     */
    public static Dataset<Row> read(SparkSession spark, List<String> paths, InputFormat format, ReaderOptions options)
            throws IOException {
        Dataset<Row> all = null;
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            InputFormat kind = format == InputFormat.AUTO ? detect(spark, path) : require(spark, path, format);
            Dataset<Row> rows = kind == InputFormat.PARQUET
                    ? TableInputs.rows(spark.read().parquet(path), path, i, options)
                    : FileInputs.read(spark, path, i, options);
            all = all == null ? rows : all.unionByName(rows);
        }
        if (all == null) {
            throw new IllegalArgumentException("no inputs given");
        }
        return all;
    }

    private static InputFormat require(SparkSession spark, String path, InputFormat format) throws IOException {
        matches(spark, path);
        return format;
    }

    /**
     * The local path {@code path} names (no scheme, or {@code file:}, and no glob), or null for
     * any other file system.
     */
    static java.nio.file.Path localPath(String path) {
        if (path.matches(".*[*?\\[{].*")) {
            return null;
        }
        java.net.URI uri = new Path(path).toUri();
        if (uri.getScheme() == null) {
            return java.nio.file.Path.of(path);
        }
        return uri.getScheme().equals("file") ? java.nio.file.Path.of(uri.getPath()) : null;
    }

    /** Parquet when the path is a {@code .parquet} file or a folder that holds one; files otherwise. */
    static InputFormat detect(SparkSession spark, String path) throws IOException {
        java.nio.file.Path local = localPath(path);
        if (local != null) {
            matches(spark, path);
            if (isParquet(new Path(local.getFileName().toString()))) {
                return InputFormat.PARQUET;
            }
            if (java.nio.file.Files.isDirectory(local)) {
                try (java.util.stream.Stream<java.nio.file.Path> children = java.nio.file.Files.list(local)) {
                    return children.anyMatch(c -> java.nio.file.Files.isRegularFile(c) && isParquet(new Path(c.getFileName().toString())))
                            ? InputFormat.PARQUET : InputFormat.FILES;
                }
            }
            return InputFormat.FILES;
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (FileStatus match : matches(spark, path)) {
            if (isParquet(match.getPath())) {
                return InputFormat.PARQUET;
            }
            if (match.isDirectory()) {
                FileSystem fs = match.getPath().getFileSystem(conf);
                for (FileStatus child : fs.listStatus(match.getPath())) {
                    if (child.isFile() && isParquet(child.getPath())) {
                        return InputFormat.PARQUET;
                    }
                }
            }
        }
        return InputFormat.FILES;
    }

    private static FileStatus[] matches(SparkSession spark, String path) throws IOException {
        Path p = new Path(path);
        FileStatus[] matches = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).globStatus(p);
        if (matches == null || matches.length == 0) {
            throw new NoSuchFileException(path, null, "no such file or folder");
        }
        return matches;
    }

    private static boolean isParquet(Path p) {
        return p.getName().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }
}
