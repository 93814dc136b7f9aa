package org.stancekit.inference.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stancekit.model.Manifest;

/**
 * The figures of one benchmark: sentences per second of each stage (the median of the runs, and
 * every run), the heap, the set-up, and whether the targets are met.
 *
 * @param kind the model's kind, {@code fast} or {@code transformer} (the targets differ)
 * @param sentences sentences in the corpus
 * @param articles articles in the corpus
 * @param corpusBytes size of the corpus files
 * @param cores available processors
 * @param workers encoder threads
 * @param batchSize sentences per forward pass at most
 * @param batchCells feature slots per forward pass at most
 * @param windowSentences sentences sorted together into batches
 * @param helperNice nice steps the helper threads ran below the calling thread (0 when none, or
 *                   when this system does not let StanceKit set them)
 * @param splitTokenize reading, splitting and encoding alone, one figure per run
 * @param network the forward pass alone on pre-encoded batches, one figure per run
 * @param endToEnd files in to CSV out, one figure per run
 * @param peakHeapBytes the most heap in use during the end-to-end runs
 * @param peakHeapAfterGcBytes the most heap left after a collection during them
 * @param maxHeapBytes the JVM's heap limit
 */
public record BenchReport(String kind, long sentences, long articles, long corpusBytes, int cores, int workers, int batchSize,
                          int batchCells, int windowSentences, int helperNice, List<Double> splitTokenize, List<Double> network, List<Double> endToEnd,
                          long peakHeapBytes, long peakHeapAfterGcBytes, long maxHeapBytes) {

    /** Target: end-to-end sentences per second at least, fast model. */
    public static final double TARGET_END_TO_END = 20_000;
    /** Target: end-to-end sentences per second at least, transformer model. */
    public static final double TARGET_END_TO_END_TRANSFORMER = 150;
    /** Target: end-to-end at least this share of the network alone. */
    public static final double TARGET_SHARE_OF_NETWORK = 0.8;
    /** Target: peak heap below this many MB. */
    public static final long TARGET_PEAK_HEAP_MB = 1024;

    public BenchReport {
        splitTokenize = List.copyOf(splitTokenize);
        network = List.copyOf(network);
        endToEnd = List.copyOf(endToEnd);
    }

    /** Median of a stage's runs. */
    static double median(List<Double> runs) {
        double[] v = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** End-to-end speed over network speed (medians). */
    public double shareOfNetwork() {
        double n = median(network);
        return n == 0 ? 0 : median(endToEnd) / n;
    }

    /** Peak heap in MB. */
    public long peakHeapMb() {
        return peakHeapBytes >> 20;
    }

    /** Each target: description to met. The share of the network is the fast model's target only. */
    public Map<String, Boolean> targets() {
        Map<String, Boolean> t = new LinkedHashMap<>();
        double speed = Manifest.TRANSFORMER.equals(kind) ? TARGET_END_TO_END_TRANSFORMER : TARGET_END_TO_END;
        t.put(String.format(Locale.ROOT, "end_to_end >= %,.0f sentences/s", speed), median(endToEnd) >= speed);
        if (!Manifest.TRANSFORMER.equals(kind)) {
            t.put(String.format(Locale.ROOT, "end_to_end >= %.1f x network", TARGET_SHARE_OF_NETWORK),
                    shareOfNetwork() >= TARGET_SHARE_OF_NETWORK);
        }
        t.put(String.format(Locale.ROOT, "peak heap < %,d MB", TARGET_PEAK_HEAP_MB), peakHeapMb() < TARGET_PEAK_HEAP_MB);
        return t;
    }

    /** True when every target is met. */
    public boolean targetsMet() {
        return targets().values().stream().allMatch(Boolean::booleanValue);
    }

    /** The report as the JSON object {@code --out} writes. */
    public Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("split_tokenize", Math.round(median(splitTokenize)));
        j.put("network", Math.round(median(network)));
        j.put("end_to_end", Math.round(median(endToEnd)));
        j.put("peak_heap_mb", peakHeapMb());
        j.put("peak_heap_after_gc_mb", peakHeapAfterGcBytes >> 20);
        j.put("max_heap_mb", maxHeapBytes >> 20);
        j.put("end_to_end_share_of_network", Math.round(shareOfNetwork() * 1000) / 1000.0);
        j.put("unit", "sentences per second (median of runs); heap in MB");
        Map<String, Object> runs = new LinkedHashMap<>();
        runs.put("split_tokenize", rounded(splitTokenize));
        runs.put("network", rounded(network));
        runs.put("end_to_end", rounded(endToEnd));
        j.put("runs", runs);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("model", kind);
        setup.put("sentences", sentences);
        setup.put("articles", articles);
        setup.put("corpus_bytes", corpusBytes);
        setup.put("cores", cores);
        setup.put("encoder_threads", workers);
        setup.put("batch_size", batchSize);
        setup.put("batch_cells", batchCells);
        setup.put("window_sentences", windowSentences);
        setup.put("helper_thread_nice_step", helperNice);
        setup.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        setup.put("garbage_collectors", collectors());
        setup.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        j.put("setup", setup);
        j.put("targets", targets());
        j.put("targets_met", targetsMet());
        return j;
    }

    /**
     * The JVM's collectors ("Copy, MarkSweepCompact" is the serial collector, "G1 Young
     * Generation, G1 Old Generation" G1): the peak heap depends on which one runs.
     */
    static String collectors() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    /** The report as the table {@code stancekit bench} prints. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "StanceKit benchmark, %s model: %,d sentences in %,d articles (%.1f MB of text); "
                        + "%d cores, %d encoder thread%s (helper threads at nice +%d), batches of up to %,d sentences and "
                        + "%,d cells, windows of %,d; median of %d run%s%n",
                kind, sentences, articles, corpusBytes / 1e6, cores, workers, workers == 1 ? "" : "s", helperNice,
                batchSize, batchCells, windowSentences, endToEnd.size(), endToEnd.size() == 1 ? "" : "s"));
        sb.append(String.format(Locale.ROOT, "%n%-16s %14s   %s%n", "stage", "sentences/s", "runs"));
        row(sb, "split_tokenize", splitTokenize);
        row(sb, "network", network);
        row(sb, "end_to_end", endToEnd);
        sb.append(String.format(Locale.ROOT, "%-16s %14s   (%.2f x network)%n", "", "", shareOfNetwork()));
        sb.append(String.format(Locale.ROOT, "%-16s %11d MB   (%d MB after GC at most; heap limit %,d MB; collectors: %s)%n",
                "peak_heap_mb", peakHeapMb(), peakHeapAfterGcBytes >> 20, maxHeapBytes >> 20, collectors()));
        sb.append(String.format(Locale.ROOT, "%ntargets:%n"));
        targets().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-40s %s%n", k, v ? "met" : "NOT met")));
        sb.append(targetsMet() ? "All targets met." : "Some targets are not met.").append(System.lineSeparator());
        return sb.toString();
    }

    private static void row(StringBuilder sb, String stage, List<Double> runs) {
        StringBuilder all = new StringBuilder();
        for (double r : runs) {
            all.append(String.format(Locale.ROOT, "%,.0f  ", r));
        }
        sb.append(String.format(Locale.ROOT, "%-16s %,14.0f   %s%n", stage, median(runs), all.toString().strip()));
    }
}
