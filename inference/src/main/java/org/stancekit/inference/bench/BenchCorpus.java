package org.stancekit.inference.bench;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.stancekit.text.SentenceSplitter;

/**
 * The benchmark's input: news text from the project's datasets, repeated to a given number of
 * sentences and written as a folder of {@code .txt} articles, the way users hand StanceKit a
 * crawl. Documents are the labelled sentences grouped by {@code doc_id} (in position order) and
 * the sample articles; they are shuffled once with a fixed seed, so that articles mix sources,
 * and laid out, one sentence a line, into articles of {@value #ARTICLE_LINES} lines (about the
 * length of the sample articles). The same datasets and size always give the same files.
 */
public final class BenchCorpus {

    /** Lines (labelled sentences or sample paragraphs) per article. */
    static final int ARTICLE_LINES = 40;
    /** Seed of the document shuffle. */
    static final long SEED = 20_260_101L;
    private static final int FILES_PER_FOLDER = 1000;

    private final List<String> lines;
    private final int[] sentencesPerLine;

    private BenchCorpus(List<String> lines, int[] sentencesPerLine) {
        this.lines = lines;
        this.sentencesPerLine = sentencesPerLine;
    }

    /** What was written. */
    public record Written(Path folder, long articles, long sentences, long bytes) {
    }

    /** Loads the text of {@code datasets/labelled/sentences.csv} and {@code datasets/articles/*.txt}. */
    public static BenchCorpus load(Path datasets) throws IOException {
        Map<String, List<String[]>> docs = new LinkedHashMap<>();
        Path labelled = datasets.resolve("labelled").resolve("sentences.csv");
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(labelled, StandardCharsets.UTF_8))) {
            String[] header = csv.readNext();
            int text = index(header, "text", labelled);
            int doc = index(header, "doc_id", labelled);
            int position = index(header, "position", labelled);
            String[] row;
            while ((row = csv.readNext()) != null) {
                docs.computeIfAbsent(row[doc], d -> new ArrayList<>()).add(new String[] {row[position], row[text]});
            }
        } catch (CsvException e) {
            throw new IOException(labelled + ": " + e.getMessage(), e);
        }
        List<List<String>> documents = new ArrayList<>();
        docs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<String[]> rows = e.getValue();
            rows.sort(Comparator.comparingInt(r -> Integer.parseInt(r[0].strip())));
            documents.add(rows.stream().map(r -> r[1].replaceAll("\\R", " ").strip()).toList());
        });
        try (Stream<Path> files = Files.list(datasets.resolve("articles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                documents.add(Files.readAllLines(f, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(l -> !l.isEmpty()).toList());
            }
        }
        Collections.shuffle(documents, new Random(SEED));
        List<String> lines = new ArrayList<>();
        documents.forEach(lines::addAll);
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            throw new IOException(datasets + ": no text found for the benchmark corpus");
        }
        SentenceSplitter splitter = new SentenceSplitter();
        Map<String, Integer> counts = new HashMap<>();
        int[] perLine = new int[lines.size()];
        for (int i = 0; i < perLine.length; i++) {
            perLine[i] = counts.computeIfAbsent(lines.get(i), l -> splitter.split(l).size());
        }
        return new BenchCorpus(List.copyOf(lines), perLine);
    }

    /**
     * Writes articles into {@code folder} (in subfolders of a thousand) until they hold at least
     * {@code sentences} sentences, cycling through the text as often as needed.
     */
    public Written write(Path folder, long sentences) throws IOException {
        long articles = 0;
        long written = 0;
        long bytes = 0;
        int line = 0;
        while (written < sentences) {
            Path dir = folder.resolve(String.format(Locale.ROOT, "%04d", articles / FILES_PER_FOLDER));
            if (articles % FILES_PER_FOLDER == 0) {
                Files.createDirectories(dir);
            }
            Path file = dir.resolve(String.format(Locale.ROOT, "bench-%07d.txt", articles));
            StringBuilder text = new StringBuilder(ARTICLE_LINES * 160);
            for (int k = 0; k < ARTICLE_LINES && written < sentences; k++) {
                text.append(lines.get(line)).append('\n');
                written += sentencesPerLine[line];
                line = (line + 1) % lines.size();
            }
            byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(file, data);
            bytes += data.length;
            articles++;
        }
        return new Written(folder, articles, written, bytes);
    }

    private static int index(String[] header, String name, Path file) throws IOException {
        for (int i = 0; header != null && i < header.length; i++) {
            if (header[i].strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IOException(file + ": no '" + name + "' column");
    }
}
