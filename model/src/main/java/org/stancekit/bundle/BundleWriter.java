package org.stancekit.bundle;

import java.io.ByteArrayOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.util.ModelSerializer;
import org.stancekit.model.FastModel;
import org.stancekit.model.StanceModel;
import org.stancekit.runtime.AtomicFile;
import org.stancekit.runtime.Json;
import org.stancekit.transformer.TransformerModel;

/**
 * Writes a bundle as one zip. A fast model: {@code manifest.json}, {@code network.zip} (DL4J's own
 * format, without updater state, which inference does not need), {@code vocabulary.txt} and
 * {@code lexicon.tsv}. A transformer model: {@code manifest.json}, {@code weights.bin}
 * ({@code WeightsFile}: what fine-tuning changed, not the base encoder) and {@code lexicon.tsv}.
 * The file appears under its final name only when complete.
 */
public final class BundleWriter {

    static final String MANIFEST = "manifest.json";
    static final String NETWORK = "network.zip";
    static final String VOCABULARY = "vocabulary.txt";
    static final String LEXICON = "lexicon.tsv";
    static final String WEIGHTS = "weights.bin";

    /** Writes a model of either kind to {@code target}, replacing it atomically. */
    public void write(StanceModel<?, ?> model, Path target) throws IOException {
        if (model instanceof FastModel fast) {
            write(fast, target);
        } else if (model instanceof TransformerModel transformer) {
            write(transformer, target);
        } else {
            throw new IllegalArgumentException("cannot write a " + model.getClass().getSimpleName());
        }
    }

    /** Writes a transformer model to {@code target}, replacing it atomically; its weights file verbatim. */
    public void write(TransformerModel model, Path target) throws IOException {
        byte[] weights = model.weightsFile();
        atomically(target, zip -> {
            put(zip, MANIFEST, Json.STABLE.writeValueAsBytes(model.manifest()));
            put(zip, WEIGHTS, weights);
            put(zip, LEXICON, model.lexicon().text().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** What goes into a bundle's zip. */
    private interface Content {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static void atomically(Path target, Content content) throws IOException {
        AtomicFile.write(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                content.write(zip);
            }
        });
    }

    /** Writes a fast model to {@code target}, replacing it atomically. */
    public void write(FastModel bundle, Path target) throws IOException {
        atomically(target, zip -> {
                put(zip, MANIFEST, Json.STABLE.writeValueAsBytes(bundle.manifest()));
                ByteArrayOutputStream network = new ByteArrayOutputStream();
                ModelSerializer.writeModel(bundle.network(), network, false);
                put(zip, NETWORK, network.toByteArray());
                ByteArrayOutputStream vocabulary = new ByteArrayOutputStream();
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(vocabulary, StandardCharsets.UTF_8))) {
                    bundle.encoder().vocabulary().write(w);
                }
                put(zip, VOCABULARY, vocabulary.toByteArray());
                put(zip, LEXICON, bundle.encoder().lexicon().text().getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0L); // fixed time: the same model gives the same bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
