package org.stancekit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.stancekit.inference.cli.InferenceCli;

/**
 * The tests' one Spark session, shared by every test class of the fork (starting Spark takes
 * seconds): {@code local[2,2]}, two task threads and two attempts per task, so that a task failed
 * on purpose is retried once. Also runs {@code stancekit score} for comparison, and reads output
 * part files back.
 */
final class LocalSpark {

    /** Two threads, and up to two attempts of every task. */
    static final String MASTER = "local[2,2]";

    private static SparkSession session;

    private LocalSpark() {
    }

    /** The shared session. */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master(MASTER).appName("stancekit-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }

    /** The project's folder (tests run in spark/). */
    static Path home() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** Runs {@code stancekit score ARGS --out out --progress never} in this JVM and returns its exit code. */
    static int score(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("score"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString(), "--progress", "never"));
        return InferenceCli.run(all.toArray(String[]::new));
    }

    /**
     * The lines of an output folder's part files, in part order, each without the part's header
     * (the first line of a CSV part), each line with its line end.
     */
    static List<String> rows(Path dir, boolean header) {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                List<String> file = lines(Files.readString(part));
                lines.addAll(header ? file.subList(Math.min(1, file.size()), file.size()) : file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The lines of a file the CLI wrote, without its header. */
    static List<String> cliRows(Path file, boolean header) {
        try {
            List<String> all = lines(Files.readString(file));
            return header ? all.subList(1, all.size()) : all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text cut after every line feed (StanceKit's rows hold none inside: sentences never cross a line). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            out.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
