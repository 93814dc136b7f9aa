package org.stancekit.training.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.runtime.Json;
import org.stancekit.text.Mention;
import org.stancekit.text.PartyLexicon;
import org.stancekit.text.Tokenizer;
import org.stancekit.training.Dataset;

/**
 * The labelled rows that guideline version 2.0's reference rule can change, as a pool to annotate
 * again (without their old labels). A row is selected when
 * <ul>
 *   <li>its text names an alias of a party that the row labels {@code NONE} (version 1.0 excluded
 *       places, companies and private persons as 2.0 does, but also candidates, former
 *       office-holders and domestic politics, which 2.0 counts), or</li>
 *   <li>it comes from NewsMTSC (US domestic politics) and labels the US {@code NONE}: former
 *       officials and members of Congress who are in no lexicon now count as the US.</li>
 * </ul>
 * The context an annotator reads is rebuilt from the corpus for the sources that have one
 * (Zelenskyy's addresses and the 2014 news, by document and position); NewsMTSC gives single
 * sentences and no context.
 */
public final class ReferenceRuleSelection {

    private final PartyLexicon lexicon;
    private final Tokenizer tokenizer = new Tokenizer();

    /** A selection that finds aliases with this lexicon. */
    public ReferenceRuleSelection(PartyLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Whether the rule can change this row. */
    public boolean selects(LabelledSentence row, LabelSchema schema) {
        List<String> stances = row.labels().stances();
        if ("newsmtsc".equals(row.source()) && LabelSchema.NONE.equals(stances.get(schema.parties().indexOf("US")))) {
            return true;
        }
        for (Mention m : lexicon.find(tokenizer.tokenize(row.text()))) {
            int p = schema.parties().indexOf(m.party());
            if (p >= 0 && LabelSchema.NONE.equals(stances.get(p))) {
                return true;
            }
        }
        return false;
    }

    /** The selected rows of a dataset, in file order, with their context from {@code corpus}. */
    public List<PoolRow> select(Dataset dataset, Path corpus) throws IOException {
        Map<String, List<String>> zelensky = groupedTexts(corpus.resolve("zelensky-addresses-2022.jsonl"), "address");
        Map<String, List<String>> crisis = groupedTexts(corpus.resolve("ukraine-crisis-news-2014.jsonl"), "article");
        List<PoolRow> out = new ArrayList<>();
        for (LabelledSentence s : dataset.sentences()) {
            if (!selects(s, dataset.schema())) {
                continue;
            }
            List<String> doc = switch (s.source()) {
                case "zelensky-2022" -> zelensky.get(s.docId());
                case "ukraine-crisis-2014" -> crisis.get(s.docId());
                default -> null;
            };
            boolean aligned = doc != null && s.position() < doc.size() && doc.get(s.position()).strip().equals(s.text().strip());
            String before = aligned && s.position() > 0 ? doc.get(s.position() - 1) : "";
            String after = aligned && s.position() + 1 < doc.size() ? doc.get(s.position() + 1) : "";
            out.add(new PoolRow(s.id(), s.source(), s.docId(), s.position(), s.text(), s.split(), "", "", "", before, after));
        }
        return out;
    }

    /** A legacy corpus file's sentences grouped by document, in file order (empty when absent). */
    private static Map<String, List<String>> groupedTexts(Path file, String docField) throws IOException {
        Map<String, List<String>> docs = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return docs;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = Json.MAPPER.readTree(line);
                    docs.computeIfAbsent(n.path(docField).asText(), k -> new ArrayList<>()).add(n.path("text").asText());
                }
            }
        }
        return new HashMap<>(docs);
    }
}
