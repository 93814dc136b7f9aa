package org.stancekit.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
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
        TrainingData trainingData = TrainingData.of(schema, train, auxiliary, distilled, config);
        FeatureEncoder encoder = FeatureEncoder.fit(trainingData.texts(), config.features(), lexicon);
        ComputationGraph network = NetworkFactory.build(config.network(), encoder.vocabulary().size(), schema,
                trainingData.classWeights(config.classWeightPower()), seed);
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, schema, config.features(), config.network(),
                config.toMap(), seed, trainingFiles, Map.of(), Versions.libraries(), Instant.now().toString());
        FastModel trained = new FastModel(network, encoder, manifest);
        List<int[]> devFeatures = dev.stream().map(s -> encoder.encode(s.text())).toList();
        List<Labels> devGold = dev.stream().map(LabelledSentence::labels).toList();

        List<EpochReport> reports = fit(network, trainingData, encoder, () -> dev.isEmpty() ? Double.NaN
                : selectionScore(new Evaluator().evaluate(schema, devGold,
                        trained.predictions(trained.rowsOf(devFeatures)).stream().map(Prediction::labels).toList())));
        FastModel bundle = trained;
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
        return new TrainingResult(finished, devEvaluation, testEvaluation, reports.get(reports.size() - 1).bestEpoch(),
                reports);
    }

    /**
     * The epochs: shuffled mini-batches, the dev score after each, early stopping; leaves the
     * network with the weights of the best epoch.
     *
     * @param devScore the dev selection score of the network as it stands; NaN without dev data
     */
    private List<EpochReport> fit(ComputationGraph network, TrainingData data, FeatureEncoder encoder,
                                  DoubleSupplier devScore) {
        List<int[]> features = data.texts().stream().map(encoder::encode).toList();
        Random random = new Random(seed);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        EarlyStopping stopping = new EarlyStopping(config.epochs(), config.patience());
        List<EpochReport> reports = new ArrayList<>();
        INDArray bestParams = null;
        long trainingStart = System.nanoTime();
        for (int epoch = 1; epoch <= config.epochs() && !stopping.stopped(); epoch++) {
            long start = System.nanoTime();
            shuffle(order, random);
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from < order.length; from += config.batchSize()) {
                network.fit(data.miniBatch(order, from, Math.min(order.length, from + config.batchSize()), features));
                lossSum += network.score();
                steps++;
            }
            double score = devScore.getAsDouble();
            boolean best = stopping.record(epoch, score);
            if (best) {
                bestParams = network.params().dup();
            }
            long now = System.nanoTime();
            EpochReport report = new EpochReport(epoch, config.epochs(), config.patience(), stopping.bestEpoch(),
                    lossSum / steps, score, best, (now - start) / 1_000_000, (now - trainingStart) / 1_000_000);
            reports.add(report);
            listener.accept(report);
        }
        network.setParams(bestParams);
        return reports;
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
