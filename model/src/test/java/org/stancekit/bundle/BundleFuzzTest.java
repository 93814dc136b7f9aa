package org.stancekit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.domain.Distribution;
import org.stancekit.domain.Prediction;
import org.stancekit.model.StanceModel;
import org.stancekit.transformer.TinyTransformer;

/**
 * Seeded fuzzing of the bundle reader with damaged bundles of both kinds: bytes of the zip flipped
 * or cut, and (past the zip's checksums, re-zipped) bytes of an entry flipped, cut or repeated,
 * numbers in the manifest and the network configuration replaced by extreme ones (NaN, negative,
 * huge), entries dropped or doubled. Every case must either load a model that predicts proper
 * probability distributions, or be refused with a {@link BundleFormatException} that names the
 * bundle (or, the last guard, stop at its first prediction saying its weights are damaged): no
 * other exception, no hang.
 *
 * <p>The suite runs {@value #FAST_CASES} fast-model and {@value #TRANSFORMER_CASES} transformer
 * cases with a fixed seed (a transformer takes a second to load); a longer run:
 * {@code mvn -pl model test -Dtest=BundleFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dstancekit.fuzz.cases=5000 -Dstancekit.fuzz.seed=7} (transformer cases are a tenth of that).
 */
class BundleFuzzTest {

    private static final int FAST_CASES = 200;
    private static final int TRANSFORMER_CASES = 12;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
    private static final String[] EXTREMES = {"NaN", "-1", "0", "1e309", "-1e309", "99999999999", "2147483648", "\"x\"", "null", "[]"};

    @Test
    void damagedBundlesLoadAndPredictOrAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
        int cases = Integer.getInteger("stancekit.fuzz.cases", FAST_CASES);
        long seed = Long.getLong("stancekit.fuzz.seed", 20261206L);
        byte[] fast = written(dir.resolve("fast.zip"), TinyModels.trained(42));
        byte[] transformer = written(dir.resolve("transformer.zip"), TinyTransformer.model(7));
        int transformerCases = cases == FAST_CASES ? TRANSFORMER_CASES : Math.max(1, cases / 10);
        assertTimeoutPreemptively(Duration.ofSeconds(120 + cases / 5 + 10L * transformerCases), () -> {
            Random random = new Random(seed);
            for (int c = 0; c < cases + transformerCases; c++) {
                List<String> what = new ArrayList<>();
                byte[] bundle = damage(c < cases ? fast : transformer, random, what);
                check(bundle, "case " + c + " (seed " + seed + ", " + String.join("; ", what) + ")");
            }
        });
    }

    private static void check(byte[] bundle, String description) {
        StanceModel<?, ?> model;
        try {
            model = new BundleReader().read(new ByteArrayInputStream(bundle), "fuzzed.zip");
        } catch (BundleFormatException e) {
            assertTrue(e.getMessage().startsWith("fuzzed.zip") || e.getMessage().contains("fuzzed.zip"),
                    description + ": the refusal names the bundle: " + e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(description + ": not a BundleFormatException", e);
        }
        try (model) {
            List<Prediction> predictions = model.predict(TinyModels.sentences());
            assertEquals(TinyModels.sentences().size(), predictions.size(), description);
            for (Prediction p : predictions) {
                List<Distribution> all = new ArrayList<>(p.stances());
                all.add(p.sentiment());
                for (Distribution d : all) {
                    double sum = Arrays.stream(d.probabilities()).sum();
                    assertTrue(Math.abs(sum - 1) < 1e-3 && Arrays.stream(d.probabilities()).allMatch(x -> x >= 0 && x <= 1),
                            description + ": a loaded model predicts distributions, got " + Arrays.toString(d.probabilities()));
                }
            }
        } catch (IllegalArgumentException e) {
            // The last guard: a damaged model that passed every load check stops the run with this, never writes NaN.
            assertTrue(e.getMessage().contains("weights are damaged"), description + ": " + e.getMessage());
        } catch (RuntimeException e) {
            fail(description + ": a bundle that loads must predict", e);
        }
    }

    /** Damage to an entry, to the zip file, or both (entries first: the zip's checksums must still hold then). */
    private static byte[] damage(byte[] bundle, Random random, List<String> what) throws IOException {
        byte[] out = bundle;
        if (random.nextInt(3) > 0) {
            out = damageAnEntry(out, random, what);
        }
        if (out == bundle || random.nextInt(4) == 0) {
            boolean flip = random.nextBoolean();
            what.add(flip ? "zip bytes flipped" : "zip cut short");
            out = flip ? flip(out, random) : Arrays.copyOf(out, random.nextInt(out.length));
        }
        return out;
    }

    /** Damage past the zip layer: one entry's bytes or numbers, or the set of entries. */
    private static byte[] damageAnEntry(byte[] bundle, Random random, List<String> what) throws IOException {
        List<String> names = new ArrayList<>();
        BundleSurgery.rewrite(bundle, (name, bytes) -> {
            names.add(name);
            return bytes;
        }, Map.of());
        String target = names.get(random.nextInt(names.size()));
        int kind = random.nextInt(5);
        what.add(target + ": " + List.of("bytes flipped", "cut short", "a range repeated", "a number made extreme",
                "dropped or doubled").get(kind));
        if (kind == 4) {
            // Drop the entry, or add it again under its own name.
            Map<String, byte[]> extra = random.nextBoolean() ? Map.of() : Map.of(target, new byte[] {1, 2, 3});
            return BundleSurgery.rewrite(bundle, (name, bytes) -> name.equals(target) && extra.isEmpty() ? null : bytes, extra);
        }
        return BundleSurgery.rewrite(bundle, (name, bytes) -> {
            if (!name.equals(target) || name.equals(BundleWriter.NETWORK)) {
                return bytes;
            }
            return switch (kind) {
                case 0 -> flip(bytes, random);
                case 1 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
                case 2 -> repeat(bytes, random);
                default -> extremeNumber(bytes, random, what);
            };
        }, Map.of());
    }

    private static byte[] flip(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int n = 1 + random.nextInt(4); n > 0 && out.length > 0; n--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] repeat(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(256));
        byte[] out = Arrays.copyOf(bytes, bytes.length + (to - from));
        System.arraycopy(bytes, from, out, to, bytes.length - from);
        return out;
    }

    /** One number in a text entry replaced by an extreme value; binary entries get a flip instead. */
    private static byte[] extremeNumber(byte[] bytes, Random random, List<String> what) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty() || !Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            return flip(bytes, random);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = EXTREMES[random.nextInt(EXTREMES.length)];
        what.add(text.substring(Math.max(0, span[0] - 40), span[1]).replace('\n', ' ') + " -> " + value);
        return (text.substring(0, span[0]) + value + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] written(Path file, StanceModel<?, ?> model) throws IOException {
        new BundleWriter().write(model, file);
        return Files.readAllBytes(file);
    }
}
