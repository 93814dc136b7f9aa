package org.stancekit.training.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stancekit.runtime.Json;
import org.stancekit.training.DatasetFormatException;

/**
 * Reads a corpus file of documents, one JSON object a line with {@code id}, {@code date},
 * {@code title} and {@code text} (the format of the 2022–2025 files in {@code shared/corpus}).
 * A line that is not such an object is an error naming file and line: the corpus is input like
 * any other.
 */
public final class CorpusReader {


    /** The documents of one file, in file order. */
    public List<CorpusDocument> read(Path file) throws IOException {
        List<CorpusDocument> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new DatasetFormatException(List.of(file + ":" + number + ": not a JSON object: "
                            + e.getOriginalMessage()));
                }
                if (!node.isObject() || !node.path("id").isTextual() || !node.path("text").isTextual()) {
                    throw new DatasetFormatException(List.of(file + ":" + number
                            + ": expected an object with string fields id and text"));
                }
                docs.add(new CorpusDocument(node.get("id").asText(), node.path("date").asText(""),
                        node.path("title").asText(""), node.get("text").asText()));
            }
        }
        return docs;
    }
}
