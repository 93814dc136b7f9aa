package org.stancekit.training.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.stancekit.domain.Split;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Tokenizer;

/**
 * Samples whole passages (runs of consecutive sentences) from corpus documents, so that every
 * sampled sentence comes with the sentences an annotator reads it with, and so that long speeches
 * and briefings are sampled by passage rather than whole.
 *
 * <p>Passages that name a party (by the party lexicon, which chooses <em>what</em> is annotated,
 * never a label) are drawn by weighted sampling without replacement (Efraimidis–Spirakis keys),
 * their weight the sum of the plan's weights of the parties they name; that is how the plan asks
 * for more of the rare stances (Europe in Kremlin speech, say). A share of each source comes from
 * passages naming no party, so the set keeps true negatives. Each document then goes whole to one
 * split: documents are shuffled with the seed and filled into test, then dev, by their sampled
 * sentences, up to the plan's shares.
 */
public final class PassageSampler {

    private final PartyLexicon lexicon;
    private final Tokenizer tokenizer = new Tokenizer();
    private final DocumentSentences splitter = new DocumentSentences();
    private final CorpusReader reader = new CorpusReader();

    /** A sampler that finds party names with this lexicon. */
    public PassageSampler(PartyLexicon lexicon) {
        this.lexicon = lexicon;
    }

    private record Passage(String docId, int docIndex, List<DocumentSentence> sentences, Set<String> parties) {
    }

    /**
     * Samples every source of the plan.
     *
     * @param plan what to sample
     * @param corpus folder of the plan's files
     * @param exclude texts never to sample (sentences already labelled), compared after
     *        {@link #key(String)}
     * @param fixedSplits splits already given to documents (by doc id), kept when a document is sampled again
     * @return the sampled rows, ordered by source, then document order in the files, then position
     */
    public List<PoolRow> sample(SamplingPlan plan, Path corpus, Set<String> exclude, Map<String, Split> fixedSplits)
            throws IOException {
        List<PoolRow> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(exclude);
        for (SamplingPlan.Source source : plan.sources()) {
            out.addAll(sampleSource(plan, source, corpus, seen, fixedSplits));
        }
        return out;
    }

    /** The form in which texts are compared for duplicates: lower case, white space collapsed. */
    public static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private List<PoolRow> sampleSource(SamplingPlan plan, SamplingPlan.Source source, Path corpus, Set<String> seen,
                                       Map<String, Split> fixedSplits) throws IOException {
        List<CorpusDocument> docs = new ArrayList<>();
        for (String file : source.files()) {
            docs.addAll(reader.read(corpus.resolve(file)));
        }
        Map<String, List<DocumentSentence>> sentencesByDoc = new LinkedHashMap<>();
        Map<String, CorpusDocument> docById = new HashMap<>();
        List<Passage> named = new ArrayList<>();
        List<Passage> unnamed = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            CorpusDocument doc = docs.get(d);
            if (plan.onlySplit() != null && fixedSplits.get(doc.id()) != plan.onlySplit()) {
                continue;
            }
            List<DocumentSentence> sentences = splitter.split(doc);
            sentencesByDoc.put(doc.id(), sentences);
            docById.put(doc.id(), doc);
            for (Passage p : passages(doc.id(), d, sentences, plan, seen)) {
                (p.parties().isEmpty() ? unnamed : named).add(p);
            }
        }
        Random random = new Random(plan.seed() ^ source.name().hashCode());
        int noPartyQuota = (int) Math.round(source.sentences() * source.noPartyShare());
        Map<String, Integer> perDoc = new HashMap<>();
        List<Passage> chosen = new ArrayList<>();
        int partySentences = draw(named, source, source.sentences() - noPartyQuota, random, perDoc, chosen, seen);
        draw(unnamed, source, source.sentences() - partySentences, random, perDoc, chosen, seen);

        Map<String, Split> splits = assignSplits(plan, chosen, random, fixedSplits);
        chosen.sort(Comparator.comparingInt(Passage::docIndex)
                .thenComparingInt(p -> p.sentences().get(0).position()));
        List<PoolRow> rows = new ArrayList<>();
        for (Passage p : chosen) {
            CorpusDocument doc = docById.get(p.docId());
            List<DocumentSentence> all = sentencesByDoc.get(p.docId());
            for (DocumentSentence s : p.sentences()) {
                String before = s.position() > 0 ? all.get(s.position() - 1).text() : "";
                String after = s.position() + 1 < all.size() ? all.get(s.position() + 1).text() : "";
                rows.add(new PoolRow(String.format(Locale.ROOT, "%s-%05d", source.idPrefix(), rows.size() + 1),
                        source.name(), p.docId(), s.position(), s.text(), splits.get(p.docId()), doc.date(),
                        doc.title(), s.speaker(), before, after));
            }
        }
        return rows;
    }

    /**
     * Cuts a document into passages of consecutive annotatable sentences; a sentence too short,
     * too long, without letters or already labelled ends a passage (it stays context).
     */
    private List<Passage> passages(String docId, int docIndex, List<DocumentSentence> sentences, SamplingPlan plan,
                                   Set<String> seen) {
        List<Passage> out = new ArrayList<>();
        List<DocumentSentence> run = new ArrayList<>();
        for (DocumentSentence s : sentences) {
            boolean annotatable = s.text().length() >= plan.minChars() && s.text().length() <= plan.maxChars()
                    && s.text().chars().anyMatch(Character::isLetter) && !seen.contains(key(s.text()));
            if (annotatable) {
                run.add(s);
            }
            if (!annotatable || run.size() == plan.passageSentences()) {
                flush(docId, docIndex, run, out);
            }
        }
        flush(docId, docIndex, run, out);
        return out;
    }

    private void flush(String docId, int docIndex, List<DocumentSentence> run, List<Passage> out) {
        if (run.isEmpty()) {
            return;
        }
        Set<String> parties = new TreeSet<>();
        for (DocumentSentence s : run) {
            for (Mention m : lexicon.find(tokenizer.tokenize(s.text()))) {
                parties.add(m.party());
            }
        }
        out.add(new Passage(docId, docIndex, List.copyOf(run), parties));
        run.clear();
    }

    /** Weighted sampling without replacement until {@code quota} sentences; returns how many were taken. */
    private int draw(List<Passage> passages, SamplingPlan.Source source, int quota, Random random,
                     Map<String, Integer> perDoc, List<Passage> chosen, Set<String> seen) {
        List<Map.Entry<Double, Passage>> keyed = new ArrayList<>();
        for (Passage p : passages) {
            double weight = p.parties().isEmpty() ? 1.0
                    : p.parties().stream().mapToDouble(party -> source.partyWeights().getOrDefault(party, 1.0)).sum();
            // Efraimidis–Spirakis: the smallest -ln(u)/w first is a weighted draw without replacement.
            keyed.add(Map.entry(-Math.log(1 - random.nextDouble()) / weight, p));
        }
        keyed.sort(Map.Entry.comparingByKey());
        int taken = 0;
        for (Map.Entry<Double, Passage> e : keyed) {
            if (taken >= quota) {
                break;
            }
            Passage p = e.getValue();
            if (perDoc.getOrDefault(p.docId(), 0) >= source.maxPassagesPerDoc()) {
                continue;
            }
            // The same sentence may recur in several documents (boilerplate): keep its first draw only.
            List<DocumentSentence> fresh = p.sentences().stream().filter(s -> seen.add(key(s.text()))).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            perDoc.merge(p.docId(), 1, Integer::sum);
            chosen.add(new Passage(p.docId(), p.docIndex(), fresh, p.parties()));
            taken += fresh.size();
        }
        return taken;
    }

    private static Map<String, Split> assignSplits(SamplingPlan plan, List<Passage> chosen, Random random,
                                                   Map<String, Split> fixedSplits) {
        Map<String, Integer> sentences = new LinkedHashMap<>();
        chosen.forEach(p -> sentences.merge(p.docId(), p.sentences().size(), Integer::sum));
        int total = sentences.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Split> splits = new HashMap<>();
        int test = 0;
        int dev = 0;
        for (Map.Entry<String, Integer> e : sentences.entrySet()) {
            Split fixed = fixedSplits.get(e.getKey());
            if (fixed != null) {
                splits.put(e.getKey(), fixed);
                test += fixed == Split.TEST ? e.getValue() : 0;
                dev += fixed == Split.DEV ? e.getValue() : 0;
            }
        }
        List<String> open = new ArrayList<>(new TreeSet<>(sentences.keySet()));
        open.removeIf(splits::containsKey);
        Collections.shuffle(open, random);
        for (String doc : open) {
            int n = sentences.get(doc);
            Split split;
            if (test + n / 2.0 <= plan.testShare() * total) {
                split = Split.TEST;
                test += n;
            } else if (dev + n / 2.0 <= plan.devShare() * total) {
                split = Split.DEV;
                dev += n;
            } else {
                split = Split.TRAIN;
            }
            splits.put(doc, split);
        }
        return splits;
    }
}
