package org.stancekit.training.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What to sample from the corpus for annotation: a properties file, so a sample can be rerun and
 * extended. Keys:
 * <pre>
 * seed=20261206                 the sample's seed
 * passage.sentences=4           consecutive sentences a passage holds at most
 * sentence.minChars=25          shorter or longer sentences are context, never annotated
 * sentence.maxChars=400
 * split.test=0.14               share of sampled sentences whose documents go to test, then dev
 * split.dev=0.14
 * documents.split=test          optional: sample only documents the dataset already has in this split
 *                               (a top-up of one split), else any document
 * sources=kremlin-2022,...      the sources, in order
 * source.NAME.files=a.jsonl,b.jsonl
 * source.NAME.idPrefix=krem     row ids are PREFIX-00001, …
 * source.NAME.sentences=2300    sentences to sample
 * source.NAME.noParty=0.15      share of them from passages that name no party
 * source.NAME.maxPassagesPerDoc=8
 * source.NAME.weight.US=3       a passage's weight is the sum of the weights of the parties it names
 * </pre>
 *
 * @param seed seed of every random choice
 * @param passageSentences most sentences in one passage
 * @param minChars shortest sentence annotated
 * @param maxChars longest sentence annotated
 * @param testShare share of each source's sampled sentences in test documents
 * @param devShare share in dev documents
 * @param onlySplit sample only documents already in this split, or null for any document
 * @param sources one plan per source
 */
public record SamplingPlan(long seed, int passageSentences, int minChars, int maxChars, double testShare,
                           double devShare, org.stancekit.domain.Split onlySplit, List<Source> sources) {

    /**
     * The sample of one source.
     *
     * @param name the {@code source} value of its rows
     * @param idPrefix prefix of its row ids
     * @param files corpus files, relative to the corpus folder
     * @param sentences how many sentences to sample
     * @param noPartyShare share of them taken from passages naming no party
     * @param maxPassagesPerDoc at most this many passages of one document
     * @param partyWeights weight of a passage per party it names
     */
    public record Source(String name, String idPrefix, List<String> files, int sentences, double noPartyShare,
                         int maxPassagesPerDoc, Map<String, Double> partyWeights) {
        public Source {
            files = List.copyOf(files);
            partyWeights = Map.copyOf(partyWeights);
            if (sentences < 0 || noPartyShare < 0 || noPartyShare > 1 || maxPassagesPerDoc < 1) {
                throw new IllegalArgumentException("source " + name
                        + ": sentences >= 0, noParty in [0, 1] and maxPassagesPerDoc >= 1 expected");
            }
        }
    }

    public SamplingPlan {
        sources = List.copyOf(sources);
        if (passageSentences < 1 || minChars < 1 || maxChars < minChars) {
            throw new IllegalArgumentException("passage.sentences >= 1 and 1 <= minChars <= maxChars expected");
        }
        if (testShare < 0 || devShare < 0 || testShare + devShare >= 1) {
            throw new IllegalArgumentException("split.test and split.dev must be >= 0 and sum below 1");
        }
    }

    /** Reads a plan; a missing or malformed key is an error naming the file and the key. */
    public static SamplingPlan read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Keys k = new Keys(file, p);
        List<Source> sources = new ArrayList<>();
        for (String name : k.string("sources").split(",")) {
            String s = "source." + name.strip() + ".";
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                if (key.startsWith(s + "weight.")) {
                    weights.put(key.substring((s + "weight.").length()).toUpperCase(Locale.ROOT), k.number(key));
                }
            }
            sources.add(new Source(name.strip(), k.string(s + "idPrefix"),
                    Arrays.stream(k.string(s + "files").split(",")).map(String::strip).toList(),
                    (int) k.number(s + "sentences"), k.number(s + "noParty"),
                    (int) k.number(s + "maxPassagesPerDoc"), weights));
        }
        return new SamplingPlan((long) k.number("seed"), (int) k.number("passage.sentences"),
                (int) k.number("sentence.minChars"), (int) k.number("sentence.maxChars"), k.number("split.test"),
                k.number("split.dev"), p.getProperty("documents.split") == null ? null
                        : org.stancekit.domain.Split.parse(p.getProperty("documents.split").strip()), sources);
    }

    private record Keys(Path file, Properties p) {
        String string(String key) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(file + ": missing key '" + key + "'");
            }
            return v.strip();
        }

        double number(String key) {
            try {
                return Double.parseDouble(string(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": key '" + key + "' is not a number: " + p.getProperty(key));
            }
        }
    }
}
