package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancekit.training.cli.TrainingCliTest.captureErr;
import static org.stancekit.training.cli.TrainingCliTest.captureOut;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.runtime.Json;

/** {@code evaluate} at article level: article labels beside the data, the roll-up comparison, gates. */
class ArticleEvaluationCommandTest {

    /** Two test documents of TrainingCliTest.SOUND (e1) and one dev document (d1), with whole texts. */
    static final String ARTICLES = "doc_id,source,split,date,title,text,us,ukraine,russia,europe,annotation\n"
            + "e1,news,test,2025,t,\"Russian drones struck Lviv. Russian troops shelled Odesa again. "
            + "The US and Ukraine signed a minerals deal.\",FAVOR,FAVOR,AGAINST,NONE,double-agreed\n"
            + "d1,news,dev,2025,t,Europe pledged new funds for Kyiv.,NONE,FAVOR,NONE,FAVOR,double-agreed\n";

    @Test
    void articleLabelsBesideTheDataAddArticleFiguresThatGatesRead(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sentences.csv"), TrainingCliTest.SOUND);
        Files.writeString(dir.resolve("articles.csv"), ARTICLES);
        Path bundle = EvaluateCommandTest.train(dir, data);
        Path report = dir.resolve("report");
        String[] out = new String[1];
        String err = captureErr(() -> out[0] = captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("evaluate",
                "--data", data.toString(), "--model", bundle.toString(), "--report", report.toString(),
                "--fail-under", "articles.stance.macro_f1=0"))));
        assertTrue(err.contains("Scored 1 test documents for the article-level figures"), err);
        JsonNode metrics = Json.MAPPER.readTree(report.resolve("metrics.json").toFile());
        assertEquals(1, metrics.at("/articles/documents").asInt());
        assertEquals("votes ±0.05, ≥1 mention, named", metrics.at("/articles/rule").asText());
        assertTrue(metrics.at("/articles/stance/macro_f1").isNumber(), metrics.toString());
        assertTrue(metrics.at("/articles/stance/macro_f1_ci95").isArray(), metrics.toString());
        int documents = 0;
        for (JsonNode row : metrics.at("/articles/stance/parties/us/confusion/counts")) {
            for (JsonNode cell : row) {
                documents += cell.asInt();
            }
        }
        assertEquals(1, documents, "one test document in the US confusion matrix");
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("## Articles") && md.contains("### Articles: stance toward US"), md);
        assertFalse(md.contains("Roll-up rules compared"), "only when asked for");
        assertTrue(out[0].contains("PASS articles.stance.macro_f1"), out[0]);
    }

    @Test
    void theRollUpComparisonRanksEveryCandidateAndNoneSkipsArticles(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sentences.csv"), TrainingCliTest.SOUND);
        Files.writeString(dir.resolve("articles.csv"), ARTICLES);
        Path bundle = EvaluateCommandTest.train(dir, data);
        Path report = dir.resolve("dev");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("evaluate", "--data",
                data.toString(), "--split", "dev", "--model", bundle.toString(), "--report", report.toString(),
                "--compare-rollups"))));
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("### Roll-up rules compared"), md);
        assertTrue(md.contains("| votes ±0.05, ≥1 mention |") && md.contains("| balance ±0.20, ≥1 mention |"), md);
        assertFalse(md.contains("learned"), "no train articles: no learned rule");

        Path none = dir.resolve("none");
        captureErr(() -> captureOut(() -> assertEquals(ExitCodes.OK, TrainingCli.run("evaluate", "--data",
                data.toString(), "--model", bundle.toString(), "--report", none.toString(), "--articles", "none"))));
        assertTrue(Json.MAPPER.readTree(none.resolve("metrics.json").toFile()).at("/articles").isMissingNode());
    }

    @Test
    void compareRollUpsWithoutArticleLabelsIsAUsageError(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("sentences.csv"), TrainingCliTest.SOUND);
        Path bundle = EvaluateCommandTest.train(dir, data);
        String err = captureErr(() -> captureOut(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("evaluate",
                "--data", data.toString(), "--model", bundle.toString(), "--report", dir.resolve("r").toString(),
                "--compare-rollups"))));
        assertTrue(err.contains("--compare-rollups needs article labels"), err);
    }
}
