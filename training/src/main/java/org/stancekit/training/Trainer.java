package org.stancekit.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.bundle.Manifest;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.bundle.Versions;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Prediction;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.features.EncodedBatch;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.network.NetworkFactory;
import org.stancekit.text.PartyLexicon;

/**
 * Fits the stance network: the encoder's vocabulary on the train split, then mini-batch Adam
 * with class-weighted losses, keeping the weights of the epoch with the best dev score and
 * stopping when {@code patience} epochs bring no improvement. The same seed, data and
 * configuration give the same model.
 */
public final class Trainer {

    private final TrainingConfig config;
    private final long seed;
    private final PartyLexicon lexicon;
    private final Consumer<EpochReport> listener;

    /**
     * @param config hyperparameters
     * @param seed seed of weight initialisation, dropout and shuffling
     * @param lexicon party lexicon for the encoder's party features
     * @param listener told after every epoch (progress display); may do nothing
     */
    public Trainer(TrainingConfig config, long seed, PartyLexicon lexicon, Consumer<EpochReport> listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.seed = seed;
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The model-selection score: the mean of the mean stance macro-F1 and the sentiment macro-F1. */
    public static double selectionScore(Evaluation e) {
        return (e.meanStanceMacroF1() + e.sentiment().macroF1()) / 2;
    }

    /**
     * Trains on the train split of {@code data}, selects on dev and evaluates on test.
     *
     * @param data labelled sentences with fixed splits
     * @param trainingFiles SHA-256 of every file the data came from, recorded in the manifest
     * @throws IllegalArgumentException when the train split is empty
     */
    public TrainingResult train(Dataset data, Map<String, String> trainingFiles) {
        LabelSchema schema = data.schema();
        List<LabelledSentence> train = data.split(Split.TRAIN);
        if (train.isEmpty()) {
            throw new IllegalArgumentException(data.origin() + ": the train split is empty");
        }
        List<LabelledSentence> dev = data.split(Split.DEV);
        Nd4j.getRandom().setSeed(seed);
        FeatureEncoder encoder = FeatureEncoder.fit(train.stream().map(LabelledSentence::text).toList(),
                config.features(), lexicon);
        List<int[]> trainFeatures = train.stream().map(s -> encoder.encode(s.text())).toList();
        int[][] trainLabels = labelIndices(schema, train);
        ComputationGraph network = NetworkFactory.build(config.network(), encoder.vocabulary().size(), schema,
                classWeights(schema, trainLabels), seed);
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, schema, config.features(), config.network(),
                config.toMap(), seed, trainingFiles, Map.of(), Versions.libraries(), Instant.now().toString());
        ModelBundle bundle = new ModelBundle(network, encoder, manifest);
        List<int[]> devFeatures = dev.stream().map(s -> encoder.encode(s.text())).toList();
        List<Labels> devGold = dev.stream().map(LabelledSentence::labels).toList();

        Random random = new Random(seed);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<EpochReport> reports = new ArrayList<>();
        INDArray bestParams = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from < order.length; from += config.batchSize()) {
                int to = Math.min(order.length, from + config.batchSize());
                network.fit(miniBatch(schema, order, from, to, trainFeatures, trainLabels));
                lossSum += network.score();
                steps++;
            }
            double devScore = Double.NaN;
            boolean best;
            if (dev.isEmpty()) {
                best = true; // without dev data the last epoch is kept
            } else {
                devScore = selectionScore(new Evaluator().evaluate(schema, devGold, predictLabels(bundle, devFeatures)));
                best = devScore > bestScore;
            }
            if (best) {
                bestScore = dev.isEmpty() ? bestScore : devScore;
                bestParams = network.params().dup();
                bestEpoch = epoch;
            }
            EpochReport report = new EpochReport(epoch, config.epochs(), lossSum / steps, devScore, best,
                    (System.nanoTime() - start) / 1_000_000);
            reports.add(report);
            listener.accept(report);
            if (!dev.isEmpty() && epoch - bestEpoch >= config.patience()) {
                break;
            }
        }
        network.setParams(bestParams);

        Evaluator evaluator = new Evaluator();
        Evaluation devEvaluation = dev.isEmpty() ? null : evaluator.evaluate(bundle, dev);
        List<LabelledSentence> test = data.split(Split.TEST);
        Evaluation testEvaluation = test.isEmpty() ? null : evaluator.evaluate(bundle, test);
        ModelBundle finished = new ModelBundle(network, encoder,
                manifest.withMetrics(testEvaluation == null ? Map.of() : testEvaluation.metrics()));
        return new TrainingResult(finished, devEvaluation, testEvaluation, bestEpoch, reports);
    }

    private static List<Labels> predictLabels(ModelBundle bundle, List<int[]> features) {
        List<Labels> out = new ArrayList<>(features.size());
        for (int from = 0; from < features.size(); from += ModelBundle.BATCH_SIZE) {
            EncodedBatch batch = FeatureEncoder.batch(features.subList(from, Math.min(features.size(), from + ModelBundle.BATCH_SIZE)));
            bundle.predict(batch).stream().map(Prediction::labels).forEach(out::add);
        }
        return out;
    }

    /** {@code [head][sentence]} label indices: one head per party, then sentiment. */
    private static int[][] labelIndices(LabelSchema schema, List<LabelledSentence> rows) {
        int parties = schema.parties().size();
        int[][] labels = new int[parties + 1][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Labels l = rows.get(r).labels();
            for (int p = 0; p < parties; p++) {
                labels[p][r] = schema.stanceIndex(l.stances().get(p));
            }
            labels[parties][r] = schema.sentimentIndex(l.sentiment());
        }
        return labels;
    }

    private List<double[]> classWeights(LabelSchema schema, int[][] labels) {
        List<double[]> weights = new ArrayList<>();
        for (int h = 0; h < labels.length; h++) {
            int classes = h < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
            double[] counts = new double[classes];
            for (int label : labels[h]) {
                counts[label]++;
            }
            double present = 0;
            for (double c : counts) {
                present += c > 0 ? 1 : 0;
            }
            double mean = labels[h].length / present;
            double[] w = new double[classes];
            for (int k = 0; k < classes; k++) {
                // Rare classes weigh more; the clip keeps a class seen a handful of times from dominating.
                w[k] = counts[k] == 0 ? 1.0 : Math.min(10.0, Math.max(0.1, Math.pow(mean / counts[k], config.classWeightPower())));
            }
            weights.add(w);
        }
        return weights;
    }

    private static MultiDataSet miniBatch(LabelSchema schema, int[] order, int from, int to,
                                          List<int[]> features, int[][] labels) {
        List<int[]> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            rows.add(features.get(order[i]));
        }
        EncodedBatch batch = FeatureEncoder.batch(rows);
        INDArray[] outputs = new INDArray[labels.length];
        for (int h = 0; h < labels.length; h++) {
            int classes = h < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
            INDArray oneHot = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, to - from, classes);
            for (int i = from; i < to; i++) {
                oneHot.putScalar(i - from, labels[h][order[i]], 1.0);
            }
            outputs[h] = oneHot;
        }
        return new MultiDataSet(new INDArray[] {batch.features()}, outputs, new INDArray[] {batch.mask()}, null);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
