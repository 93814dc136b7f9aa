package org.stancekit.training.dataset;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;
import org.stancekit.model.StanceModel;
import org.stancekit.runtime.AtomicFile;

/**
 * Writes a model's labels of unlabelled sentences as a labelled CSV in the format of
 * {@code sentences.csv} (split {@code train}, annotation {@code distilled}), with the labeller's
 * probability of each label beside it: the labels another model (the fast one) learns from.
 */
public final class Distillation {

    /** Sentences labelled per call of the model. */
    private static final int CHUNK = 2048;

    private Distillation() {
    }

    /**
     * Labels {@code pool} with {@code model} and writes the file ({@code .gz}: gzipped), under a
     * temporary name until complete.
     *
     * @param progress told the number of sentences labelled after each chunk
     */
    public static void write(StanceModel<?, ?> model, List<UnlabelledPool.Sentence> pool, Path file, LongConsumer progress)
            throws IOException {
        LabelSchema schema = model.schema();
        List<String> header = new ArrayList<>(List.of("id", "source", "doc_id", "position", "text"));
        schema.parties().forEach(p -> header.add(LabelSchema.column(p)));
        header.addAll(List.of("sentiment", "split", "annotation", "confidence"));
        AtomicFile.write(file, raw -> {
            try (OutputStream stream = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
                 Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                 CSVWriter csv = new CSVWriter(w)) {
                csv.writeNext(header.toArray(String[]::new), false);
                for (int from = 0; from < pool.size(); from += CHUNK) {
                    List<UnlabelledPool.Sentence> chunk = pool.subList(from, Math.min(pool.size(), from + CHUNK));
                    writeChunk(csv, model, chunk, from);
                    progress.accept(from + chunk.size());
                }
            }
        });
    }

    private static void writeChunk(CSVWriter csv, StanceModel<?, ?> model, List<UnlabelledPool.Sentence> chunk, int from) {
        List<Prediction> predictions = model.predict(chunk.stream().map(UnlabelledPool.Sentence::text).toList());
        for (int i = 0; i < chunk.size(); i++) {
            UnlabelledPool.Sentence s = chunk.get(i);
            Prediction p = predictions.get(i);
            Labels labels = p.labels();
            List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "dist-%06d", from + i + 1),
                    s.source(), s.docId(), Integer.toString(s.position()), s.text()));
            row.addAll(labels.stances());
            row.addAll(List.of(labels.sentiment(), "train", "distilled", String.format(Locale.ROOT, "%.3f", confidence(p))));
            csv.writeNext(row.toArray(String[]::new), false);
        }
    }

    /** The labeller's least confident head: how far the row's labels can be trusted. */
    private static double confidence(Prediction p) {
        double min = p.sentiment().probability(p.sentiment().best());
        for (var d : p.stances()) {
            min = Math.min(min, d.probability(d.best()));
        }
        return min;
    }
}
