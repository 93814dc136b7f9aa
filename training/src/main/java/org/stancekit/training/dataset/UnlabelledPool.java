package org.stancekit.training.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.runtime.Json;
import org.stancekit.training.Dataset;

/**
 * Unlabelled sentences of the licensed corpus for distillation: every sentence of the corpus
 * files that is not labelled already and does not come from a document of the labelled set's dev
 * or test split (so that the fast model never learns a dev or test document, even through
 * another model's labels). Sentences are split with StanceKit's splitter, kept at 15 to 600
 * characters, de-duplicated, and sampled with a seed.
 */
public final class UnlabelledPool {

    /**
     * An unlabelled sentence and where it comes from.
     *
     * @param source the corpus the sentence comes from (a labelled set's {@code source} name)
     * @param docId its document
     * @param position its index in the document
     * @param text the sentence
     */
    public record Sentence(String source, String docId, int position, String text) {
    }

    /** Shorter sentences are mostly interjections ("Thank you.", "Q Yes?"), which teach nothing. */
    private static final int MIN_CHARS = 15;
    private static final int MAX_CHARS = 600;

    private final Set<String> heldOut = new HashSet<>();
    private final Set<String> labelled = new HashSet<>();
    private final DocumentSentences splitter = new DocumentSentences();

    /** A pool that leaves out {@code data}'s sentences and its dev and test documents. */
    public UnlabelledPool(Dataset data) {
        for (LabelledSentence s : data.sentences()) {
            labelled.add(PassageSampler.key(s.text()));
            if (s.split() != Split.TRAIN) {
                heldOut.add(s.docId());
            }
        }
    }

    /**
     * Up to {@code limit} sentences of the corpus in {@code dir}, sampled with {@code seed}.
     * Reads the 2022–2025 document files, Zelenskyy's addresses, NewsMTSC's training sentences and
     * the NYT editorial sentences (the 2014 news are labelled in full already).
     */
    public List<Sentence> sample(Path dir, int limit, long seed) throws IOException {
        List<Sentence> all = new ArrayList<>();
        Set<String> seen = new HashSet<>(labelled);
        for (String[] file : new String[][] {{"kremlin-2022.jsonl", "kremlin-2022"},
            {"kremlin-2022h2-excerpts.jsonl", "kremlin-2022"}, {"un-general-debate-2022-2023.jsonl", "un-general-debate"},
            {"whitehouse-statements-2022-2025.jsonl", "whitehouse-statements"},
            {"whitehouse-briefings-2022-2025.jsonl", "whitehouse-briefings"}}) {
            Path path = dir.resolve(file[0]);
            if (!Files.exists(path)) {
                continue;
            }
            for (CorpusDocument doc : new CorpusReader().read(path)) {
                if (heldOut.contains(doc.id())) {
                    continue;
                }
                for (DocumentSentence s : splitter.split(doc)) {
                    add(all, seen, file[1], doc.id(), s.position(), s.text());
                }
            }
        }
        readZelensky(dir.resolve("zelensky-addresses-2022.jsonl"), all, seen);
        readNewsMtsc(dir.resolve("newsmtsc-train.jsonl"), all, seen);
        readNytEditorial(dir.resolve("nyt-editorial-snippets.tsv"), all, seen);
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, Math.min(limit, all.size()));
    }

    private void add(List<Sentence> out, Set<String> seen, String source, String doc, int position, String text) {
        String t = text.strip();
        if (t.length() >= MIN_CHARS && t.length() <= MAX_CHARS && t.chars().anyMatch(Character::isLetter)
                && seen.add(PassageSampler.key(t))) {
            out.add(new Sentence(source, doc, position, t));
        }
    }

    private void readZelensky(Path file, List<Sentence> out, Set<String> seen) throws IOException {
        Map<String, Integer> positions = new HashMap<>();
        forEachJsonLine(file, n -> {
            String doc = n.path("address").asText();
            int position = positions.merge(doc, 1, Integer::sum) - 1;
            if (!heldOut.contains(doc)) {
                add(out, seen, "zelensky-2022", doc, position, n.path("text").asText());
            }
        });
    }

    /** The NYT editorial sentences: {@code id<TAB>rating<TAB>text}; none is in the labelled set's splits. */
    private void readNytEditorial(Path file, List<Sentence> out, Set<String> seen) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                String doc = f[0].contains("_") ? f[0].substring(0, f[0].indexOf('_')) : f[0];
                add(out, seen, "nyt-editorial", doc, 0, f[2]);
            }
        }
    }

    /** NewsMTSC ids extend their article's id ({@code allsides_393_157_…}): a held-out article holds them all. */
    private void readNewsMtsc(Path file, List<Sentence> out, Set<String> seen) throws IOException {
        forEachJsonLine(file, n -> {
            String gid = n.path("primary_gid").asText();
            if (heldOut.stream().noneMatch(doc -> gid.equals(doc) || gid.startsWith(doc + "_"))) {
                add(out, seen, "newsmtsc", gid, 0, n.path("sentence_normalized").asText());
            }
        });
    }

    /** Calls {@code action} with every non-blank line of a JSONL file; a missing file has none. */
    private static void forEachJsonLine(Path file, Consumer<JsonNode> action) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    action.accept(Json.MAPPER.readTree(line));
                }
            }
        }
    }
}
