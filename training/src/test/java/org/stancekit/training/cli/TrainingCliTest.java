package org.stancekit.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.runtime.ExitCodes;

class TrainingCliTest {

    @Test
    void aMalformedLabelledCsvFailsWithItsLineAndWritesNoBundle(@TempDir Path dir) {
        Path data = dir.resolve("bad.csv");
        Path bundle = dir.resolve("model.zip");
        String err = captureErr(() -> {
            try {
                Files.writeString(data, "id,source,doc_id,position,text,us,ukraine,russia,europe,sentiment,split\n"
                        + "a,news,d,0,Fine.,NONE,NONE,NONE,NONE,NEUTRAL,train\n"
                        + "b,news,d,1,Broken.,NONE,NONE,MAYBE,NONE,NEUTRAL,train\n");
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
            assertEquals(ExitCodes.BAD_INPUT, TrainingCli.run("train", "--data", data.toString(), "--out", bundle.toString()));
        });
        assertTrue(err.contains(data + ":3: unknown stance label 'MAYBE' in column 'russia'"), err);
        assertTrue(!Files.exists(bundle));
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("train", "--data", "x.csv", "--out", "m.zip", "--no-such-option")));
        assertTrue(err.contains("Unknown option"), err);
    }

    @Test
    void distilledLabelsAreNeverCrossValidated() {
        // Their teacher saw the held-out sentences: refused before any data is read.
        for (String[] cv : new String[][] {{"--cv", "3"}, {"--cv-by", "source"}}) {
            String err = captureErr(() -> assertEquals(ExitCodes.USAGE, TrainingCli.run("train", "--config", "fast",
                    "--data", "x.csv", "--distilled", "d.csv", cv[0], cv[1])));
            assertTrue(err.contains("--distilled cannot be cross-validated"), err);
        }
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : new String[] {"train", "evaluate", "dataset"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream old = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                assertEquals(0, TrainingCli.run(command, "--help"));
            } finally {
                System.setOut(old);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: stancekit " + command), out.toString());
        }
    }

    static String captureErr(Runnable action) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
