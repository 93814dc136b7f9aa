package org.stancekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.spark.read.InputFormat;
import org.stancekit.spark.write.SparkOutputFormat;

/**
 * Inputs that cannot be scored become rows of the errors output, with the reasons and locations
 * {@code stancekit score} gives them, and the job succeeds: one bad input costs its own row only.
 */
class SparkErrorsTest {

    @Test
    void badInputsBecomeErrorRowsAndTheJobSucceeds(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(LocalSpark.home().resolve("datasets/articles/000_71bd1e2423c8db40.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("blank.txt"), "   \n\u200b\n");
        Files.write(in.resolve("binary.txt"), new byte[] {'a', 0, 'b'});
        Files.write(in.resolve("latin1.txt"), "Caf\u00e9 in Kyiv.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(in.resolve("rows.csv"), "id,text\n"
                + "c1,\"Russia shelled Kharkiv overnight.\"\n"
                + "c2,\"The quote never closes.\n"
                + "c3,Ukraine thanked the EU.\n");
        Files.writeString(in.resolve("rows.jsonl"), "{\"id\": \"good\", \"text\": \"A second article with the id of good.txt.\"}\n"
                + "not json\n"
                + "{\"id\": \"j2\", \"text\": \"Europe promised more air defence.\"}\n");
        Files.writeString(in.resolve("notes.md"), "not an input");

        int cli = LocalSpark.score(tmp.resolve("cli"), in.toString(), "--model", "fast");
        RunSummary s = StanceKitSpark.create(LocalSpark.session(), SparkScoreOptions.defaults().withModel("fast").withPartitions(1))
                .scoreFiles(List.of(in.toString()), InputFormat.FILES, tmp.resolve("spark").toString(), SparkOutputFormat.CSV,
                        SaveMode.ErrorIfExists);

        assertEquals(1, cli, "the CLI's exit code: some inputs failed");
        List<String> errors = LocalSpark.rows(tmp.resolve("spark").resolve("errors"), true);
        assertEquals(LocalSpark.cliRows(tmp.resolve("cli").resolve("errors.csv"), true), errors);
        assertEquals(errors.size(), s.failed());
        assertTrue(s.failed() >= 6, "blank, binary, not UTF-8, broken CSV quote, bad JSON, duplicate id, unsupported file: " + errors);
        assertTrue(errors.stream().anyMatch(e -> e.contains("duplicate article id 'good'")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("rows.jsonl:2,,invalid JSON")), errors.toString());
        assertEquals(LocalSpark.cliRows(tmp.resolve("cli").resolve("articles.csv"), true),
                LocalSpark.rows(tmp.resolve("spark").resolve("articles"), true));
        assertEquals(Set.of("good", "c1", "j2"), LocalSpark.rows(tmp.resolve("spark").resolve("articles"), true).stream()
                .map(r -> r.substring(0, r.indexOf(','))).collect(Collectors.toSet()));
        assertEquals(3, s.articles());
    }
}
