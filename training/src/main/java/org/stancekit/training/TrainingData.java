package org.stancekit.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.features.EncodedBatch;

/**
 * What the fast model trains on, in one order: the labelled train rows, then the auxiliary
 * examples (one head each), then the distilled rows; their texts, label indices per head and
 * loss weights, and the mini-batches made from them.
 *
 * @param schema the label schema
 * @param texts the training texts, in that order
 * @param labels {@code [head][example]} label indices, one head per party, then sentiment;
 *               {@link #UNKNOWN} on a head an auxiliary example does not label
 * @param weights each example's loss weight: 1 for labelled rows, the configured auxiliary and
 *                distillation weights for the others
 */
record TrainingData(LabelSchema schema, List<String> texts, int[][] labels, double[] weights) {

    /** Label index of a head an example does not label. */
    static final int UNKNOWN = -1;

    /** Gathers the three kinds of training example in their fixed order. */
    static TrainingData of(LabelSchema schema, List<LabelledSentence> train, List<AuxiliaryExample> auxiliary,
                           List<LabelledSentence> distilled, TrainingConfig config) {
        List<String> texts = new ArrayList<>(train.size() + auxiliary.size() + distilled.size());
        train.forEach(t -> texts.add(t.text()));
        auxiliary.forEach(a -> texts.add(a.text()));
        distilled.forEach(d -> texts.add(d.text()));
        int parties = schema.parties().size();
        int[][] labels = new int[parties + 1][texts.size()];
        double[] weights = new double[texts.size()];
        int r = 0;
        for (LabelledSentence row : train) {
            put(schema, labels, r, row.labels());
            weights[r++] = 1.0;
        }
        for (AuxiliaryExample x : auxiliary) {
            for (int h = 0; h <= parties; h++) {
                labels[h][r] = UNKNOWN;
            }
            if (x.party() == null) {
                labels[parties][r] = schema.sentimentIndex(x.label());
            } else {
                labels[schema.parties().indexOf(x.party())][r] = schema.stanceIndex(x.label());
            }
            weights[r++] = config.auxiliaryWeight();
        }
        for (LabelledSentence row : distilled) {
            put(schema, labels, r, row.labels());
            weights[r++] = config.distillationWeight();
        }
        return new TrainingData(schema, List.copyOf(texts), labels, weights);
    }

    private static void put(LabelSchema schema, int[][] labels, int r, Labels l) {
        int parties = schema.parties().size();
        for (int p = 0; p < parties; p++) {
            labels[p][r] = schema.stanceIndex(l.stances().get(p));
        }
        labels[parties][r] = schema.sentimentIndex(l.sentiment());
    }

    /** Number of examples. */
    int size() {
        return texts.size();
    }

    /** Class weights per head, from the class counts of the known labels. */
    List<double[]> classWeights(double power) {
        List<double[]> out = new ArrayList<>();
        for (int h = 0; h < labels.length; h++) {
            out.add(ClassWeights.of(labels[h], classes(h), power, UNKNOWN));
        }
        return out;
    }

    private int classes(int head) {
        return head < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
    }

    /**
     * The mini-batch of examples {@code order[from..to)}, with {@code features} their encodings: an
     * example's loss counts by its weight, and not at all on a head it does not label.
     */
    MultiDataSet miniBatch(int[] order, int from, int to, List<int[]> features) {
        EncodedBatch batch = EncodedBatch.pack(Arrays.copyOfRange(order, from, to), features);
        INDArray[] outputs = new INDArray[labels.length];
        INDArray[] masks = new INDArray[labels.length];
        boolean masked = false;
        for (int h = 0; h < labels.length; h++) {
            INDArray oneHot = Nd4j.zeros(DataType.FLOAT, to - from, classes(h));
            INDArray mask = Nd4j.ones(DataType.FLOAT, to - from, 1);
            for (int i = from; i < to; i++) {
                int label = labels[h][order[i]];
                if (label == UNKNOWN) {
                    mask.putScalar(i - from, 0, 0.0); // the one-hot row stays zero and is ignored
                    masked = true;
                } else {
                    oneHot.putScalar(i - from, label, 1.0);
                    if (weights[order[i]] != 1.0) {
                        mask.putScalar(i - from, 0, weights[order[i]]);
                        masked = true;
                    }
                }
            }
            outputs[h] = oneHot;
            masks[h] = mask;
        }
        return new MultiDataSet(new INDArray[] {batch.features()}, outputs, new INDArray[] {batch.mask()},
                masked ? masks : null);
    }
}
