package org.stancekit.inference.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.domain.Prediction;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.inference.TestModel;

/** The runner reads the network's outputs its own way; it must give what the bundle gives. */
class NetworkRunnerTest {

    @Test
    void predictionsAreExactlyTheBundles() {
        ModelBundle bundle = TestModel.bundle();
        List<String> sentences = List.of("Russian missiles struck a hospital in Kharkiv.",
                "Ukraine thanked the European Union for its support.", "The weather was mild.",
                "Trump said Zelenskyy was not grateful and the US would cut aid to Kyiv.");
        EncodedBatch batch = FeatureEncoder.batch(sentences.stream().map(bundle.encoder()::encode).toList());
        List<Prediction> expected = bundle.predict(batch);
        NetworkRunner runner = new NetworkRunner(bundle);
        float[][] rows = runner.forward(batch);
        assertEquals(expected.size(), rows.length);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(expected.get(i), runner.prediction(rows[i]), "sentence " + i);
        }
    }
}
