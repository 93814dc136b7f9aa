package org.stancekit.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.runtime.Json;
import org.stancekit.model.Manifest;
import org.stancekit.model.FastModel;
import org.stancekit.model.StanceModel;
import org.stancekit.domain.Prediction;

/**
 * A small bundle written by an earlier build, with the predictions it made then. If this test
 * fails, a change broke the bundle format or changed featurisation, and every bundle users
 * have trained would silently change behaviour: bump {@link Manifest#FORMAT_VERSION} instead.
 * Regenerate (only on a deliberate format change) with {@code main}.
 */
class FrozenBundleTest {

    static final String BUNDLE = "/org/stancekit/bundle/frozen-v1.zip";
    static final String EXPECTED = "/org/stancekit/bundle/frozen-v1-predictions.json";

    @Test
    void aBundleFromAnEarlierBuildLoadsAndPredictsAsItDidThen() throws IOException {
        StanceModel<?, ?> bundle;
        try (InputStream in = FrozenBundleTest.class.getResourceAsStream(BUNDLE)) {
            bundle = new BundleReader().read(in, "frozen-v1.zip");
        }
        JsonNode expected;
        try (InputStream in = FrozenBundleTest.class.getResourceAsStream(EXPECTED)) {
            expected = Json.MAPPER.readTree(in);
        }
        assertEquals(1, bundle.manifest().formatVersion());
        List<Prediction> predictions = bundle.predict(TinyModels.sentences());
        assertEquals(expected.size(), predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            assertArrayEquals(flatten(expected.get(i)), flatten(predictions.get(i)), 1e-5, "sentence " + i);
        }
    }

    private static double[] flatten(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }

    private static double[] flatten(Prediction p) {
        List<Double> values = new ArrayList<>();
        p.stances().forEach(d -> {
            for (double v : d.probabilities()) {
                values.add(v);
            }
        });
        for (double v : p.sentiment().probabilities()) {
            values.add(v);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Regenerates the frozen bundle and its predictions: {@code args[0]} is the test resources folder. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "org", "stancekit", "bundle");
        FastModel bundle = TinyModels.trained(42);
        new BundleWriter().write(bundle, dir.resolve("frozen-v1.zip"));
        List<double[]> rows = bundle.predict(TinyModels.sentences()).stream().map(FrozenBundleTest::flatten).toList();
        Files.writeString(dir.resolve("frozen-v1-predictions.json"), Json.STABLE.writeValueAsString(rows));
    }
}
