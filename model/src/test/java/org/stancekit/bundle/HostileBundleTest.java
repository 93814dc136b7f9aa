package org.stancekit.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle is untrusted data: whoever made it, loading it may fail with a message but never runs
 * code, exhausts memory or crashes. Each case is a bundle crafted the way an attacker would.
 */
class HostileBundleTest {

    private static byte[] good;

    @BeforeAll
    static void write(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("good.zip");
        new BundleWriter().write(TinyModels.trained(42), file);
        good = Files.readAllBytes(file);
    }

    /** Records whether Java deserialisation ever ran on it. */
    static final class Tripwire implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        static volatile boolean tripped;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            tripped = true;
            in.defaultReadObject();
        }
    }

    @Test
    void aSerialisedObjectInsideTheNetworkIsRefusedAndNeverDeserialised() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(new Tripwire());
        }
        // DL4J's ModelSerializer reads preprocessor.bin with an unfiltered ObjectInputStream.
        byte[] bad = BundleSurgery.rewrite(good, (name, bytes) -> bytes,
                Map.of(BundleWriter.NETWORK + "!preprocessor.bin", payload.toByteArray()));
        String message = refused(bad);
        assertTrue(message.contains("preprocessor.bin") && message.contains("never reads serialised Java objects"), message);
        assertFalse(Tripwire.tripped, "the payload was deserialised");
    }

    @Test
    void zipBombsAreRefusedBeforeTheyAreInflated() throws IOException {
        byte[] gigabyteOfNothing = new byte[64 << 20];
        for (String entry : new String[] {BundleWriter.VOCABULARY, BundleWriter.NETWORK + "!" + NetworkReader.COEFFICIENTS}) {
            byte[] bomb = BundleSurgery.rewrite(good, (name, bytes) -> name.equals(entry) ? gigabyteOfNothing : bytes, Map.of());
            assertTrue(bomb.length < 1 << 20, "64 MB of zeros deflate to " + bomb.length + " bytes");
            String message = refused(bomb);
            assertTrue(message.contains(entry) && message.contains("zip bombs"), message);
        }
    }

    @Test
    void aNetworkConfigurationNamingAnyOtherClassIsRefused() throws IOException {
        // Jackson instantiates the class an "@class" names: only DL4J's and ND4J's configuration classes may appear.
        byte[] bad = BundleSurgery.rewrite(good, replacing(BundleWriter.NETWORK + "!" + NetworkReader.CONFIGURATION,
                "org.nd4j.linalg.activations.impl.ActivationReLU", "org.apache.commons.beanutils.BeanComparator"), Map.of());
        String message = refused(bad);
        assertTrue(message.contains("refers to class 'org.apache.commons.beanutils.BeanComparator'"), message);
    }

    @Test
    void arrayLengthsBeyondTheCoefficientBytesAreRefusedBeforeAllocation() throws IOException {
        String entry = BundleWriter.NETWORK + "!" + NetworkReader.COEFFICIENTS;
        byte[] bad = BundleSurgery.rewrite(good, (name, bytes) -> {
            if (!name.equals(entry)) {
                return bytes;
            }
            byte[] copy = bytes.clone();
            // The data buffer's length sits after the shape buffer: find it by its type name, FLOAT.
            int at = indexOf(copy, "FLOAT".getBytes(StandardCharsets.US_ASCII)) - 2 - 8;
            ByteBuffer.wrap(copy).putLong(at, 1L << 40);
            return copy;
        }, Map.of());
        String message = refused(bad);
        assertTrue(message.contains("claims 1099511627776 values"), message);

        byte[] shapeMismatch = BundleSurgery.rewrite(good, (name, bytes) -> name.equals(entry)
                ? Arrays.copyOf(bytes, bytes.length - 4) : bytes, Map.of());
        assertTrue(refused(shapeMismatch).contains(NetworkReader.COEFFICIENTS));
    }

    @Test
    void aTruncatedBundleIsRefusedWithItsFileName(@TempDir Path dir) throws IOException {
        // (A cut inside the central directory, after every entry, leaves a bundle whose entries are all whole.)
        for (int cut : new int[] {good.length / 2, good.length * 3 / 4, 40}) {
            Path half = Files.write(dir.resolve("half-" + cut + ".zip"), Arrays.copyOf(good, cut));
            BundleFormatException e = assertThrows(BundleFormatException.class, () -> new BundleReader().read(half));
            assertTrue(e.getMessage().startsWith(half.toString()), e.getMessage());
        }
    }

    private static String refused(byte[] bundle) {
        return assertThrows(BundleFormatException.class,
                () -> new BundleReader().read(new ByteArrayInputStream(bundle), "crafted.zip")).getMessage();
    }

    private static BiFunction<String, byte[], byte[]> replacing(String entry, String target, String replacement) {
        return (name, bytes) -> {
            if (!name.equals(entry)) {
                return bytes;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.contains(target), name);
            return text.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int found = -1;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found = i;
            break;
        }
        assertTrue(found >= 0);
        return found;
    }
}
