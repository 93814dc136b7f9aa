package org.stancekit.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.model.Manifest;
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
import org.stancekit.model.FastModel;
import org.stancekit.network.NetworkFactory;
import org.stancekit.text.PartyLexicon;

/**
 * Fits the stance network: the encoder's vocabulary on the train split, then mini-batch Adam
 * with class-weighted losses, keeping the weights of the epoch with the best dev score and
 * stopping when {@code patience} epochs bring no improvement. The same seed, data and
 * configuration give the same model.
 */
public final class Trainer {

    /** Label index of a head an auxiliary example does not label. */
    private static final int UNKNOWN = -1;

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

    /**
     * What progress output calls {@link #selectionScore} on dev: the figure that chooses the epoch
     * is neither the stance nor the sentiment macro-F1, and a label that said so would mislead.
     */
    public static final String SELECTION_SCORE = "dev selection score (mean of stance and sentiment macro-F1)";

    /** The model-selection score: the mean of the mean stance macro-F1 and the sentiment macro-F1. */
    public static double selectionScore(Evaluation e) {
        return (e.meanStanceMacroF1() + e.sentiment().macroF1()) / 2;
    }

    /** Trains without auxiliary data; see {@link #train(Dataset, List, List, Map)}. */
    public TrainingResult train(Dataset data, Map<String, String> trainingFiles) {
        return train(data, List.of(), List.of(), trainingFiles);
    }

    /** Trains without distilled data; see {@link #train(Dataset, List, List, Map)}. */
    public TrainingResult train(Dataset data, List<AuxiliaryExample> auxiliary, Map<String, String> trainingFiles) {
        return train(data, auxiliary, List.of(), trainingFiles);
    }

    /**
     * Trains on the train split of {@code data} (plus auxiliary examples, which only ever train),
     * selects on dev and evaluates on test.
     *
     * @param data labelled sentences with fixed splits
     * @param auxiliary sentences labelled for one head each; may be empty
     * @param distilled sentences labelled by another model (distillation), every head; they only
     *                  ever train, weighted by {@code distillationWeight}; may be empty
     * @param trainingFiles SHA-256 of every file the data came from, recorded in the manifest
     * @throws IllegalArgumentException when the train split is empty
     */
    public TrainingResult train(Dataset data, List<AuxiliaryExample> auxiliary, List<LabelledSentence> distilled,
                                Map<String, String> trainingFiles) {
        LabelSchema schema = data.schema();
        List<LabelledSentence> train = data.split(Split.TRAIN);
        if (train.isEmpty()) {
            throw new IllegalArgumentException(data.origin() + ": the train split is empty");
        }
        List<LabelledSentence> dev = data.split(Split.DEV);
        Nd4j.getRandom().setSeed(seed);
        List<String> trainTexts = new ArrayList<>(train.stream().map(LabelledSentence::text).toList());
        auxiliary.forEach(a -> trainTexts.add(a.text()));
        distilled.forEach(d -> trainTexts.add(d.text()));
        FeatureEncoder encoder = FeatureEncoder.fit(trainTexts, config.features(), lexicon);
        List<int[]> trainFeatures = trainTexts.stream().map(encoder::encode).toList();
        int[][] trainLabels = labelIndices(schema, train, auxiliary, distilled);
        double[] exampleWeight = new double[trainTexts.size()];
        for (int i = 0; i < exampleWeight.length; i++) {
            exampleWeight[i] = i < train.size() ? 1.0 : i < train.size() + auxiliary.size() ? config.auxiliaryWeight()
                    : config.distillationWeight();
        }
        ComputationGraph network = NetworkFactory.build(config.network(), encoder.vocabulary().size(), schema,
                classWeights(schema, trainLabels), seed);
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, schema, config.features(), config.network(),
                config.toMap(), seed, trainingFiles, Map.of(), Versions.libraries(), Instant.now().toString());
        FastModel bundle = new FastModel(network, encoder, manifest);
        List<String> devTexts = dev.stream().map(LabelledSentence::text).toList();
        List<int[]> devFeatures = devTexts.stream().map(encoder::encode).toList();
        List<Labels> devGold = dev.stream().map(LabelledSentence::labels).toList();

        Random random = new Random(seed);
        int[] order = new int[trainTexts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<EpochReport> reports = new ArrayList<>();
        INDArray bestParams = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        long trainingStart = System.nanoTime();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from < order.length; from += config.batchSize()) {
                int to = Math.min(order.length, from + config.batchSize());
                network.fit(miniBatch(schema, order, from, to, trainFeatures, trainLabels, exampleWeight));
                lossSum += network.score();
                steps++;
            }
            double devScore = Double.NaN;
            boolean best;
            if (dev.isEmpty()) {
                best = true; // without dev data the last epoch is kept
            } else {
                devScore = selectionScore(new Evaluator().evaluate(schema, devGold,
                        bundle.predictions(bundle.rowsOf(devFeatures)).stream().map(Prediction::labels).toList()));
                best = devScore > bestScore;
            }
            if (best) {
                bestScore = dev.isEmpty() ? bestScore : devScore;
                bestParams = network.params().dup();
                bestEpoch = epoch;
            }
            long now = System.nanoTime();
            EpochReport report = new EpochReport(epoch, config.epochs(), config.patience(), bestEpoch, lossSum / steps,
                    devScore, best, (now - start) / 1_000_000, (now - trainingStart) / 1_000_000);
            reports.add(report);
            listener.accept(report);
            if (!dev.isEmpty() && epoch - bestEpoch >= config.patience()) {
                break;
            }
        }
        network.setParams(bestParams);
        if (!dev.isEmpty() && config.tuneDecisionBias()) {
            manifest = manifest.withDecisionBias(DecisionBiasTuner.tune(schema,
                    bundle.predictions(bundle.rowsOf(devFeatures)), devGold));
            bundle = new FastModel(network, encoder, manifest);
        }

        Evaluator evaluator = new Evaluator();
        Evaluation devEvaluation = dev.isEmpty() ? null : evaluator.evaluate(bundle, dev);
        List<LabelledSentence> test = data.split(Split.TEST);
        Evaluation testEvaluation = test.isEmpty() ? null : evaluator.evaluate(bundle, test);
        FastModel finished = new FastModel(network, encoder,
                manifest.withMetrics(testEvaluation == null ? Map.of() : testEvaluation.metrics()));
        return new TrainingResult(finished, devEvaluation, testEvaluation, bestEpoch, reports);
    }

    /**
     * {@code [head][example]} label indices, one head per party, then sentiment: labelled rows
     * first, then auxiliary examples, whose unknown heads hold {@link #UNKNOWN}, then distilled rows.
     */
    private static int[][] labelIndices(LabelSchema schema, List<LabelledSentence> rows, List<AuxiliaryExample> aux,
                                        List<LabelledSentence> distilled) {
        int parties = schema.parties().size();
        int[][] labels = new int[parties + 1][rows.size() + aux.size() + distilled.size()];
        for (int r = 0; r < rows.size(); r++) {
            Labels l = rows.get(r).labels();
            for (int p = 0; p < parties; p++) {
                labels[p][r] = schema.stanceIndex(l.stances().get(p));
            }
            labels[parties][r] = schema.sentimentIndex(l.sentiment());
        }
        for (int d = 0; d < distilled.size(); d++) {
            int r = rows.size() + aux.size() + d;
            Labels l = distilled.get(d).labels();
            for (int p = 0; p < parties; p++) {
                labels[p][r] = schema.stanceIndex(l.stances().get(p));
            }
            labels[parties][r] = schema.sentimentIndex(l.sentiment());
        }
        for (int a = 0; a < aux.size(); a++) {
            int r = rows.size() + a;
            AuxiliaryExample x = aux.get(a);
            for (int h = 0; h <= parties; h++) {
                labels[h][r] = UNKNOWN;
            }
            if (x.party() == null) {
                labels[parties][r] = schema.sentimentIndex(x.label());
            } else {
                labels[schema.parties().indexOf(x.party())][r] = schema.stanceIndex(x.label());
            }
        }
        return labels;
    }


    private List<double[]> classWeights(LabelSchema schema, int[][] labels) {
        List<double[]> weights = new ArrayList<>();
        for (int h = 0; h < labels.length; h++) {
            int classes = h < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
            weights.add(ClassWeights.of(labels[h], classes, config.classWeightPower(), UNKNOWN));
        }
        return weights;
    }

    /** A mini-batch; an example's loss counts by its weight, and not at all on a head it does not label. */
    private static MultiDataSet miniBatch(LabelSchema schema, int[] order, int from, int to, List<int[]> features,
                                          int[][] labels, double[] exampleWeight) {
        EncodedBatch batch = FeatureEncoder.batch(Arrays.copyOfRange(order, from, to), features);
        INDArray[] outputs = new INDArray[labels.length];
        INDArray[] masks = new INDArray[labels.length];
        boolean masked = false;
        for (int h = 0; h < labels.length; h++) {
            int classes = h < schema.parties().size() ? schema.stances().size() : schema.sentiments().size();
            INDArray oneHot = Nd4j.zeros(DataType.FLOAT, to - from, classes);
            INDArray mask = Nd4j.ones(DataType.FLOAT, to - from, 1);
            for (int i = from; i < to; i++) {
                int label = labels[h][order[i]];
                if (label == UNKNOWN) {
                    mask.putScalar(i - from, 0, 0.0); // the one-hot row stays zero and is ignored
                    masked = true;
                } else {
                    oneHot.putScalar(i - from, label, 1.0);
                    if (exampleWeight[order[i]] != 1.0) {
                        mask.putScalar(i - from, 0, exampleWeight[order[i]]);
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

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
