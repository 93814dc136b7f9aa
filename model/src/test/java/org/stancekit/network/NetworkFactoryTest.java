package org.stancekit.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.domain.LabelSchema;
import org.stancekit.features.EncodedBatch;

/** Every sentence encoder builds, trains, and ignores padding. */
class NetworkFactoryTest {

    private static final LabelSchema SCHEMA = LabelSchema.DEFAULT;

    @ParameterizedTest
    @ValueSource(strings = {"avg", "max", "avg+max", "cnn", "lstm"})
    void paddingDoesNotChangeASentencesProbabilities(String encoder) {
        ComputationGraph network = NetworkFactory.build(new NetworkSpec(8, 6, 0.0, 0.05, 0.0, encoder), 40, SCHEMA, null, 7);
        int[] sentence = {2, 5, 9, 11, 17};
        float[] alone = firstRow(network, EncodedBatch.pack(List.of(sentence)));
        // Batched with a longer sentence, the first row is padded to its width.
        float[] padded = firstRow(network, EncodedBatch.pack(List.of(sentence, new int[] {3, 4, 5, 6, 7, 8, 9, 10, 12, 30})));
        assertArrayEquals(alone, padded, 1e-5f, encoder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"avg", "max", "avg+max", "cnn", "lstm"})
    void trainingChangesTheOutputsAndTheHeadsHaveTheSchemasWidths(String encoder) {
        ComputationGraph network = NetworkFactory.build(new NetworkSpec(8, 6, 0.0, 0.05, 0.0, encoder), 40, SCHEMA, null, 7);
        EncodedBatch batch = EncodedBatch.pack(List.of(new int[] {2, 3, 4}, new int[] {5, 6}, new int[] {7, 8, 9, 10}));
        float[] before = firstRow(network, batch);
        INDArray[] labels = new INDArray[SCHEMA.parties().size() + 1];
        for (int h = 0; h < labels.length; h++) {
            int classes = h < SCHEMA.parties().size() ? SCHEMA.stances().size() : SCHEMA.sentiments().size();
            labels[h] = Nd4j.zeros(3, classes);
            for (int r = 0; r < 3; r++) {
                labels[h].putScalar(r, r % classes, 1.0);
            }
        }
        for (int i = 0; i < 5; i++) {
            network.fit(new MultiDataSet(new INDArray[] {batch.features()}, labels, new INDArray[] {batch.mask()}, null));
        }
        INDArray[] out = network.output(false, new INDArray[] {batch.features()}, new INDArray[] {batch.mask()});
        assertEquals(SCHEMA.parties().size() + 1, out.length);
        assertEquals(SCHEMA.stances().size(), out[0].size(1));
        assertEquals(SCHEMA.sentiments().size(), out[out.length - 1].size(1));
        assertNotEquals(before[0], firstRow(network, batch)[0]);
    }

    @Test
    void unknownEncodersAreRefusedAndAMissingOneMeansTheAverage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(8, 8, 0.0, 0.05, 0.0, "gru"));
        assertEquals("encoder must be one of [avg, max, avg+max, cnn, lstm], got 'gru'", e.getMessage());
        assertEquals("avg", new NetworkSpec(8, 8, 0.0, 0.05, 0.0, null).encoder());
    }

    private static float[] firstRow(ComputationGraph network, EncodedBatch batch) {
        INDArray[] out = network.output(false, new INDArray[] {batch.features()}, new INDArray[] {batch.mask()});
        float[] row = new float[0];
        for (INDArray head : out) {
            float[] h = head.getRow(0).toFloatVector();
            float[] joined = new float[row.length + h.length];
            System.arraycopy(row, 0, joined, 0, row.length);
            System.arraycopy(h, 0, joined, row.length, h.length);
            row = joined;
        }
        return row;
    }
}
