package org.stancekit.training.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stancekit.runtime.SerialFilter;

/**
 * The JVM-wide serial filter every command installs first ({@link SerialFilter}), in a JVM of its
 * own as a command runs: it refuses classes of the gadget libraries on the class path
 * (commons-beanutils, commons-collections) and StanceKit's own, yet lets Weka, the one library
 * here that uses Java serialisation on purpose, train and predict.
 */
class SerialFilterTest {

    @Test
    void theCommandsFilterRefusesGadgetClassesAndLetsWekaWork() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("beanutils: REJECTED"), output);
        assertTrue(output.contains("collections: REJECTED"), output);
        assertTrue(output.contains("stancekit: REJECTED"), output);
        assertTrue(output.contains("weka: trained and predicted"), output);
    }

    /** A class of StanceKit's own: nothing of StanceKit's is ever meant to be deserialised. */
    static final class Payload implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Runs under the filter: tries each payload, then trains and applies both Weka baselines. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            SerialFilter.install(); // as TrainingCli.main and InferenceCli.main do first
            System.out.println("beanutils: " + tryRead(new org.apache.commons.beanutils.BeanComparator<Object>("id")));
            System.out.println("collections: " + tryRead(new org.apache.commons.collections.map.HashedMap()));
            System.out.println("stancekit: " + tryRead(new Payload()));
            for (Baseline weka : List.of(WekaBaseline.naiveBayes(), WekaBaseline.linearSvm(7))) {
                weka.fit(TinyData.separable(TinyData.TRAIN_CITIES));
                weka.predict(List.of("Russia shelled Uman at dawn.", "Thank you, Russia!"));
            }
            System.out.println("weka: trained and predicted");
        }

        private static String tryRead(Object payload) throws IOException, ClassNotFoundException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(payload);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                in.readObject();
                return "read";
            } catch (InvalidClassException e) {
                return e.getMessage().contains("REJECTED") ? "REJECTED" : e.getMessage();
            }
        }
    }
}
