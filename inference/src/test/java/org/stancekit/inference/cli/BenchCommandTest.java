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
    void writesEveryFigureAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        assertEquals(ExitCodes.OK, InferenceCli.run("bench", "--sentences", "1500", "--runs", "1",
                "--datasets", Path.of("..", "datasets").toString(), "--out", json.toString()));
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        for (String stage : List.of("split_tokenize", "network", "end_to_end", "peak_heap_mb")) {
            assertTrue(report.get(stage).asDouble() > 0, stage + " = " + report.get(stage));
        }
        assertTrue(report.get("setup").get("sentences").asLong() >= 1500);
        assertEquals(3, report.get("targets").size());
        assertEquals(1, report.get("runs").get("end_to_end").size());
    }
}
