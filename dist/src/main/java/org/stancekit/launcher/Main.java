package org.stancekit.launcher;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Set;
import org.stancekit.inference.cli.InferenceCli;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.runtime.SerialFilter;
import org.stancekit.training.cli.TrainingCli;

/**
 * {@code java -jar stancekit.jar COMMAND ...}: the runnable jar's entry point. It sends each verb
 * to the command line that owns it, as the {@code stancekit} script does: {@code score} and
 * {@code bench} to {@link InferenceCli}, {@code train}, {@code evaluate} and {@code dataset} to
 * {@link TrainingCli}.
 */
public final class Main {

    private static final Set<String> SCORING = Set.of("score", "bench");
    private static final Set<String> TRAINING = Set.of("train", "evaluate", "dataset", "-V", "--version");
    private static final String SPARK = "spark-score";
    private static final String SPARK_CLI = "org.stancekit.spark.cli.SparkScoreCli";

    private Main() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        SerialFilter.install();
        if (System.getProperty("stancekit.home") == null) {
            homeBesideTheJar();
        }
        String verb = args.length == 0 ? "--help" : args[0];
        int code;
        if (SCORING.contains(verb)) {
            code = InferenceCli.run(args);
        } else if (TRAINING.contains(verb)) {
            code = TrainingCli.run(args);
        } else if (SPARK.equals(verb)) {
            code = sparkScore(args);
        } else {
            boolean help = Set.of("--help", "-h", "help").contains(verb);
            (help ? System.out : System.err).println((help ? "" : "stancekit: unknown command '" + verb + "'\n")
                    + "Usage: java -jar stancekit.jar COMMAND [OPTIONS]\n"
                    + "Commands: score, bench, train, evaluate, dataset, spark-score. 'COMMAND --help' explains each.");
            code = help ? ExitCodes.OK : ExitCodes.USAGE;
        }
        System.exit(code);
    }

    /** {@code spark-score}, when the spark module is on the class path; exit code 2 and where it runs otherwise. */
    private static int sparkScore(String[] args) {
        try {
            Object code = Class.forName(SPARK_CLI).getMethod("run", String[].class).invoke(null, (Object) args);
            return (Integer) code;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            System.err.println("stancekit: spark-score needs Spark, which stancekit.jar leaves out. Run './stancekit spark-score' "
                    + "from a checkout (local[*] on this machine), or spark-submit the job jar "
                    + "(mvn -Pspark-job package; README, 'Scale out').");
            return ExitCodes.USAGE;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run " + SPARK_CLI, e);
        }
    }

    /**
     * The defaults that name the project's files ({@code datasets/...}) resolve against
     * {@code stancekit.home}: the folder of the jar when it holds {@code datasets/}, as the
     * unpacked distribution does.
     */
    private static void homeBesideTheJar() {
        try {
            File jar = new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            File folder = jar.getParentFile();
            if (folder != null && new File(folder, "datasets").isDirectory()) {
                System.setProperty("stancekit.home", folder.getPath());
            }
        } catch (URISyntaxException | SecurityException e) {
            // Then relative defaults resolve against the working folder, as without a home.
        }
    }
}
