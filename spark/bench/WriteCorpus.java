import java.nio.file.Path;
import org.stancekit.inference.bench.BenchCorpus;

/**
 * Writes the benchmark corpus of {@code stancekit bench} (the project's news text as .txt
 * articles of 40 lines, shuffled with a fixed seed) with about N sentences into FOLDER:
 * {@code java -cp CLASSPATH WriteCorpus.java DATASETS FOLDER N}.
 */
public class WriteCorpus {
    public static void main(String[] args) throws Exception {
        BenchCorpus.Written w = BenchCorpus.load(Path.of(args[0])).write(Path.of(args[1]), Long.parseLong(args[2]));
        System.out.println(w.articles() + " articles, " + w.sentences() + " sentences, " + w.bytes() + " bytes in " + w.folder());
    }
}
