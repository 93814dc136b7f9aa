package org.stancekit.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.model.Manifest;
import org.stancekit.domain.LabelSchema;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.features.FeatureSettings;
import org.stancekit.model.FastModel;
import org.stancekit.network.NetworkFactory;
import org.stancekit.network.NetworkSpec;
import org.stancekit.text.PartyLexicon;

/** Builds a small trained bundle for tests of the model module, without the training module. */
final class TinyModels {

    static final List<String> SENTENCES = List.of(
            "Russian missiles struck a hospital in Kharkiv.",
            "Ukraine thanked the European Union for its support.",
            "Trump said Zelenskyy was not grateful.",
            "The weather was mild on Sunday.",
            "Putin has shown no interest in a ceasefire.",
            "Starmer expressed hope for a positive outcome.");

    private TinyModels() {
    }

    static FastModel trained(long seed) {
        LabelSchema schema = LabelSchema.DEFAULT;
        FeatureEncoder encoder = FeatureEncoder.fit(SENTENCES, new FeatureSettings(2, 3, 1, 1000, 64), PartyLexicon.loadDefault());
        ComputationGraph network = NetworkFactory.build(new NetworkSpec(8, 8, 0.0, 0.05, 0.0, "avg"),
                encoder.vocabulary().size(), schema, null, seed);
        EncodedBatch batch = encoder.encode(SENTENCES);
        INDArray[] labels = new INDArray[schema.parties().size() + 1];
        for (int h = 0; h < labels.length; h++) {
            int classes = h < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
            labels[h] = Nd4j.zeros(SENTENCES.size(), classes);
            for (int r = 0; r < SENTENCES.size(); r++) {
                labels[h].putScalar(r, (r + h) % classes, 1.0);
            }
        }
        MultiDataSet data = new MultiDataSet(new INDArray[] {batch.features()}, labels,
                new INDArray[] {batch.mask()}, null);
        for (int i = 0; i < 20; i++) {
            network.fit(data);
        }
        return new FastModel(network, encoder, manifest(encoder, seed));
    }

    private static Manifest manifest(FeatureEncoder encoder, long seed) {
        return new Manifest(Manifest.FORMAT_VERSION, LabelSchema.DEFAULT, encoder.settings(), new NetworkSpec(8, 8, 0.0, 0.05, 0.0, "avg"),
                Map.of("epochs", "20"), seed, Map.of("tiny.csv", "0".repeat(64)), Map.of("stance.macro_f1", 0.5),
                Versions.libraries(), Instant.EPOCH.toString());
    }

    static List<String> sentences() {
        return new ArrayList<>(SENTENCES);
    }
}
