package org.stancekit.inference.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.runtime.ExitCodes;

/** The benchmark runs end to end on a tiny corpus and writes every figure; speed is not judged here. */
class BenchCommandTest {

    @Test
    void writesEveryFigureAsJsonForBothShippedModels(@TempDir Path dir) throws Exception {
        // The fast model has one target more than the transformer: end to end at 0.8 x its network.
        for (String model : List.of("fast", "default")) {
            Path json = dir.resolve(model + ".json");
            assertEquals(ExitCodes.OK, InferenceCli.run("bench", "--model", model, "--sentences", "600", "--runs", "1",
                    "--datasets", Path.of("..", "datasets").toString(), "--out", json.toString()));
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            for (String stage : List.of("split_tokenize", "network", "end_to_end", "peak_heap_mb")) {
                assertTrue(report.get(stage).asDouble() > 0, model + ": " + stage + " = " + report.get(stage));
            }
            assertTrue(report.get("setup").get("sentences").asLong() >= 600);
            assertEquals(model.equals("fast") ? 3 : 2, report.get("targets").size(), model + ": " + report.get("targets"));
            assertEquals(1, report.get("runs").get("end_to_end").size());
        }
    }
}
