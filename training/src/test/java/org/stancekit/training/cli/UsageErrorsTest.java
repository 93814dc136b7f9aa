package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancekit.training.cli.TrainingCliTest.captureErr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stancekit.inference.cli.InferenceCli;
import org.stancekit.runtime.ExitCodes;

/** A usage error answers in a few lines, with suggestions for a typo, in both CLIs and the launcher. */
class UsageErrorsTest {

    @Test
    void aMisspeltOptionOfTrainGetsOneLineASuggestionAndWhereTheOptionsAre() {
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("train", "--dat", "x.csv")));
        assertEquals("stancekit: error: Unknown options: '--dat', 'x.csv'\n"
                + "Possible solutions: --data\n"
                + "Run 'stancekit train --help' for the options.\n", err.replace("\r\n", "\n"));
    }

    @Test
    void aMisspeltCommandGetsDidYouMean() {
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("evalute")));
        assertTrue(err.contains("Did you mean: stancekit evaluate?"), err);
        assertTrue(err.contains("Run 'stancekit --help' for the options."), err);
        assertFalse(err.contains("Usage:"), err);
    }

    @Test
    void aUsageErrorRaisedByTheCommandItselfIsShortToo() {
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("evaluate", "--data", "x.csv",
                "--max-drop", "0.1")));
        assertTrue(err.startsWith("stancekit: error: --max-drop needs --compare-to OLD_metrics.json"), err);
        assertTrue(err.contains("Run 'stancekit evaluate --help' for the options."), err);
        assertTrue(err.lines().count() <= 3, err);
    }

    @Test
    void scoreAnswersAUsageErrorAndAMisspeltCommandTheSameWay() {
        // score takes input paths, so a misspelt option of score is read as one: the missing --out is the error.
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, InferenceCli.run("score", "articles")));
        assertEquals("stancekit: error: Missing required option: '--out=DIR'\n"
                + "Run 'stancekit score --help' for the options.\n", err.replace("\r\n", "\n"));
        String verb = captureErr(() -> assertEquals(ExitCodes.USAGE, InferenceCli.run("scroe")));
        assertTrue(verb.contains("Did you mean: stancekit score?"), verb);
        assertFalse(verb.contains("Usage:"), verb);
    }

    @Test
    void theLauncherSuggestsTheNearestVerbBeforeAnyBuild() throws IOException, InterruptedException {
        // Run from the training module's folder, as surefire runs tests; the verb is refused before
        // the launcher looks at the build, so this starts no Maven.
        Process p = new ProcessBuilder("bash", Path.of("..", "stancekit").toString(), "scroe")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher answers at once");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("stancekit: unknown command 'scroe'. Did you mean 'score'?\n"), out);
        assertTrue(out.contains("Run 'stancekit --help' for the commands"), out);
        assertFalse(out.contains("building"), out);
    }
}
