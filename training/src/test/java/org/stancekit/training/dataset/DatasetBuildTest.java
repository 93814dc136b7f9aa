package org.stancekit.training.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;
import org.stancekit.text.PartyLexicon;
import org.stancekit.training.Dataset;

/**
 * The dataset build steps on a tiny corpus: speakers are taken off transcript paragraphs, the
 * sample is reproducible and keeps documents whole per split, and the distillation pool leaves
 * out labelled sentences and every sentence of a dev or test document.
 */
class DatasetBuildTest {

    private static final String DOCS = """
            {"id":"d1","date":"2022-03-01","title":"Call with President Macron","text":"Vladimir Putin: Russia will achieve its goals in Ukraine. The West must listen.\\nEmmanuel Macron: France supports Ukraine. We call for a ceasefire now."}
            {"id":"d2","date":"2022-03-02","title":"Briefing","text":"MS. PSAKI: The United States will send more aid to Ukraine.\\nQ Does the President think Europe will follow with sanctions on Moscow?\\nThe weather in Washington was mild and sunny today."}
            {"id":"d3","date":"2022-03-03","title":"Meeting","text":"The council discussed the harvest and the roads in the region.\\nThe Kremlin said talks with Kyiv had stalled again this week."}
            """;

    @Test
    void transcriptSpeakersAreTakenOffTheirParagraphs() {
        List<DocumentSentence> s = new DocumentSentences().split(new CorpusDocument("d", "", "",
                "Vladimir Putin: Russia will win. We are strong.\nMS. PSAKI: We disagree.\nQ Why?\nIt rained."));
        assertEquals(List.of("Russia will win.", "We are strong.", "We disagree.", "Why?", "It rained."),
                s.stream().map(DocumentSentence::text).toList());
        assertEquals(List.of("Vladimir Putin", "Vladimir Putin", "MS. PSAKI", "Q (reporter)", "Q (reporter)"),
                s.stream().map(DocumentSentence::speaker).toList());
    }

    @Test
    void theSampleIsReproducibleAndKeepsDocumentsWholePerSplit(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("docs.jsonl"), DOCS);
        Path plan = Files.writeString(dir.resolve("plan.properties"), """
                seed=3
                passage.sentences=2
                sentence.minChars=10
                sentence.maxChars=400
                split.test=0.3
                split.dev=0.3
                sources=demo
                source.demo.files=docs.jsonl
                source.demo.idPrefix=demo
                source.demo.sentences=20
                source.demo.noParty=0.2
                source.demo.maxPassagesPerDoc=5
                source.demo.weight.EUROPE=5
                """);
        PassageSampler sampler = new PassageSampler(PartyLexicon.loadDefault());
        List<PoolRow> a = sampler.sample(SamplingPlan.read(plan), dir, Set.of(), Map.of());
        List<PoolRow> b = sampler.sample(SamplingPlan.read(plan), dir, Set.of(), Map.of());
        assertEquals(a, b, "the same plan and seed give the same sample");
        assertEquals(9, a.size(), "every sentence of at least 10 characters");
        Map<String, Set<Split>> splitsPerDoc = a.stream().collect(Collectors.groupingBy(PoolRow::docId,
                Collectors.mapping(PoolRow::split, Collectors.toSet())));
        splitsPerDoc.values().forEach(splits -> assertEquals(1, splits.size(), "one split per document"));
        assertTrue(a.stream().allMatch(r -> r.id().startsWith("demo-")));
        PoolRow putin = a.stream().filter(r -> r.text().startsWith("Russia will")).findFirst().orElseThrow();
        assertEquals("Vladimir Putin", putin.speaker());
        assertEquals("Call with President Macron", putin.title());

        // Already labelled sentences are never drawn again; documents keep their earlier split.
        Set<String> labelled = Set.of(PassageSampler.key(putin.text()));
        List<PoolRow> again = sampler.sample(SamplingPlan.read(plan), dir, labelled, Map.of("d1", Split.TEST));
        assertFalse(again.stream().anyMatch(r -> r.text().equals(putin.text())));
        again.stream().filter(r -> r.docId().equals("d1")).forEach(r -> assertEquals(Split.TEST, r.split()));
    }

    @Test
    void theDistillationPoolLeavesOutLabelledSentencesAndHeldOutDocuments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kremlin-2022.jsonl"), DOCS);
        Labels none = new Labels(List.of("NONE", "NONE", "NONE", "NONE"), "NEUTRAL");
        Dataset data = new Dataset("labelled", LabelSchema.DEFAULT, List.of(
                new LabelledSentence("x1", "kremlin-2022", "d1", 0, "Russia will achieve its goals in Ukraine.", none, Split.TRAIN),
                new LabelledSentence("x2", "kremlin-2022", "d2", 0, "Something else entirely here.", none, Split.TEST)));
        List<UnlabelledPool.Sentence> pool = new UnlabelledPool(data).sample(dir, 100, 1);
        List<String> texts = pool.stream().map(UnlabelledPool.Sentence::text).toList();
        assertFalse(texts.contains("Russia will achieve its goals in Ukraine."), "labelled");
        assertTrue(pool.stream().noneMatch(s -> s.docId().equals("d2")), "d2 is a test document");
        assertTrue(texts.contains("We call for a ceasefire now."), texts.toString());
        assertTrue(texts.contains("The Kremlin said talks with Kyiv had stalled again this week."));
        assertEquals(pool, new UnlabelledPool(data).sample(dir, 100, 1), "seeded");
    }
}
