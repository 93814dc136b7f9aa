package org.stancekit.training.transformer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.runtime.NativeThreads;
import org.stancekit.text.PartyLexicon;
import org.stancekit.training.ClassWeights;
import org.stancekit.training.EarlyStopping;
import org.stancekit.transformer.BaseEncoder;
import org.stancekit.transformer.EncoderWeights;
import org.stancekit.transformer.SentenceTokens;
import org.stancekit.transformer.StanceGraph;
import org.stancekit.transformer.TransformerFeaturizer;
import org.stancekit.transformer.TransformerModel;
import org.stancekit.transformer.TransformerNetwork;
import org.stancekit.transformer.WordPieceTokenizer;

/**
 * Fine-tunes a pretrained encoder with stance and sentiment heads on labelled sentences: summed
 * class-weighted cross-entropy of the five heads, {@link AdamW} with a warm-up then linear decay,
 * batches bucketed by length, an evaluation on dev after every epoch, and the weights of the best
 * epoch kept (early stopping). The same seed gives the same model.
 */
public final class FineTuner {


    /**
     * What one epoch measured.
     *
     * @param epoch from 1
     * @param loss mean training loss per sentence
     * @param devStance dev mean stance macro-F1
     * @param devSentiment dev sentiment macro-F1
     * @param seconds the epoch's wall time
     */
    public record Epoch(int epoch, double loss, double devStance, double devSentiment, double seconds) {
        /** The selection score: the mean of dev stance and sentiment macro-F1. */
        public double score() {
            return (devStance + devSentiment) / 2;
        }
    }

    /**
     * A finished fine-tune.
     *
     * @param weightsFile the best epoch's weights, as a bundle stores them ({@link TransformerModel#weightsFile})
     * @param architecture the network's shape
     * @param base the base encoder's weights (for the bundle's deltas and provenance)
     * @param epochs every epoch's figures
     * @param bestEpoch the epoch kept, from 1
     */
    public record Result(byte[] weightsFile, TransformerNetwork.Architecture architecture,
                         EncoderWeights base, List<Epoch> epochs, int bestEpoch) {
    }

    /** Evaluates weights on dev through the scoring engine (so dev figures are those of the shipped model). */
    @FunctionalInterface
    public interface DevEvaluation {
        /** Dev figures of the model of a weights file. */
        Evaluation evaluate(byte[] weightsFile) throws IOException;
    }

    private final FineTuneConfig config;
    private final long seed;
    private final LabelSchema schema;
    private final PartyLexicon lexicon;
    private final PrintStream log;

    /**
     * @param log where progress goes (a bar by step with loss and time left, dev figures per epoch)
     */
    public FineTuner(FineTuneConfig config, long seed, LabelSchema schema, PartyLexicon lexicon, PrintStream log) {
        this.config = config;
        this.seed = seed;
        this.schema = schema;
        this.lexicon = lexicon;
        this.log = log;
    }

    /** The architecture this configuration trains on a base encoder. */
    public TransformerNetwork.Architecture architecture(EncoderWeights weights) {
        BaseEncoder base = BaseEncoder.named(config.base());
        int layers = config.layers() == 0 ? weights.layers() : Math.min(config.layers(), weights.layers());
        return new TransformerNetwork.Architecture(base, layers, config.mentionPooling(), config.markers(),
                config.maxTokens());
    }

    /**
     * Fine-tunes on {@code train}, choosing the epoch by {@code dev}.
     *
     * @param weights the base encoder's pretrained weights
     * @param devEvaluation dev figures of a set of weights
     * @param checkpoints folder of the per-epoch checkpoint (resumed when it holds one of this run),
     *                    or null for none
     * @param fingerprint what identifies this run (data, configuration, seed) in a checkpoint
     */
    public Result fineTune(List<LabelledSentence> train, EncoderWeights weights, DevEvaluation devEvaluation,
                           Path checkpoints, String fingerprint) throws IOException {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the train split is empty");
        }
        Nd4j.getRandom().setSeed(seed);
        TransformerNetwork.Architecture arch = architecture(weights);
        // Replicas of the network (config.threads(), 2 by default): each computes the gradient of its share of the batch
        // on one native thread, and the replicas' weights are kept equal after every update.
        // SameDiff's own threads did not pay: two OpenMP threads made a step slower than one.
        List<TransformerNetwork> replicas = new ArrayList<>();
        for (int r = 0; r < config.threads(); r++) {
            replicas.add(TransformerNetwork.create(weights, arch, schema, true, seed));
        }
        TransformerNetwork network = replicas.get(0);
        List<SentenceTokens> trainX;
        log.printf(Locale.ROOT, "Tokenising %d train sentences%n", train.size());
        try (TransformerFeaturizer featurizer = new TransformerFeaturizer(lexicon, schema.parties(),
                new WordPieceTokenizer(arch.base(), config.maxTokens()))) {
            trainX = featurizer.featurize(train.stream().map(LabelledSentence::text).toList());
        }
        int heads = schema.parties().size() + 1;
        int[][] trainY = labels(train);
        double[][] classWeights = classWeights(trainY);

        SameDiff sd = network.graph();
        for (TransformerNetwork replica : replicas) {
            quietly(() -> replica.graph().createGradFunction());
        }
        List<String> headVars = network.headVariables();
        List<String> trainable = new ArrayList<>(network.encoderVariables());
        trainable.addAll(headVars);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        trainable.forEach(n -> sizes.put(n, (int) sd.getVariable(n).getArr().length()));
        AdamW adam = new AdamW();
        int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        List<Epoch> epochs = new ArrayList<>();
        byte[] best = null;
        EarlyStopping stopping = new EarlyStopping(config.epochs(), config.patience());
        int firstEpoch = 1;
        Optional<Checkpoint> resumed = checkpoints == null ? Optional.empty()
                : Checkpoint.read(checkpoints, fingerprint, sizes);
        if (resumed.isPresent()) {
            Checkpoint c = resumed.get();
            for (TransformerNetwork replica : replicas) {
                c.params().forEach((name, v) -> replica.graph().getVariable(name).getArr().assign(
                        Nd4j.create(v, sd.getVariable(name).getArr().shape(), 'c')));
            }
            Map<String, INDArray> m = new LinkedHashMap<>();
            Map<String, INDArray> v = new LinkedHashMap<>();
            c.first().forEach((name, x) -> m.put(name, Nd4j.create(x, sd.getVariable(name).getArr().shape(), 'c')));
            c.second().forEach((name, x) -> v.put(name, Nd4j.create(x, sd.getVariable(name).getArr().shape(), 'c')));
            adam.restore(c.step(), m, v);
            epochs.addAll(c.epochs());
            best = c.best();
            stopping = EarlyStopping.resumed(config.epochs(), config.patience(), c.epoch(), c.bestEpoch(),
                    c.epochs().get(c.bestEpoch() - 1).score());
            firstEpoch = c.epoch() + 1;
            log.printf(Locale.ROOT, "Resuming from the checkpoint in %s after epoch %d (best so far: epoch %d)%n",
                    checkpoints, c.epoch(), c.bestEpoch());
        }
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size(), r -> {
            Thread t = new Thread(() -> {
                NativeThreads.configureThisThread();
                r.run();
            }, "fine-tune");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        long stepsAtStart = adam.step();
        log.printf(Locale.ROOT, "Fine-tuning for at most %d epochs of %d steps; early stopping may end sooner "
                + "(patience %d: it stops after %d epochs without a better %s)%n", config.epochs(), stepsPerEpoch,
                config.patience(), config.patience(), org.stancekit.training.Trainer.SELECTION_SCORE);
        try {
            for (int epoch = firstEpoch; epoch <= config.epochs() && !stopping.stopped(); epoch++) {
                long epochStart = System.nanoTime();
                // A random stream per epoch, so that a resumed run shuffles as an uninterrupted one.
                Random random = new Random(seed * 1_000_003L + epoch);
                List<int[]> batches = LengthBuckets.batches(trainX.size(), i -> trainX.get(i).length(), config.batchSize(), random);
                double lossSum = 0;
                int seen = 0;
                for (int b = 0; b < batches.size(); b++) {
                    int[] idx = batches.get(b);
                    double loss = step(replicas, pool, trainX, trainY, classWeights, idx, heads, trainable, headVars,
                            adam, totalSteps);
                    lossSum += loss * idx.length;
                    seen += idx.length;
                    // Counted toward the last epoch early stopping can still reach, not the configured maximum.
                    long lastStep = (long) stepsPerEpoch
                            * EarlyStopping.lastEpoch(config.epochs(), config.patience(), stopping.bestEpoch(), epoch);
                    progress(epoch, b + 1, batches.size(), lossSum / seen, started, adam.step() - stepsAtStart,
                            adam.step(), lastStep);
                }
                byte[] current = TransformerModel.weightsFile(network.weights(), weights, arch.layers(), schema,
                        arch.markers());
                Evaluation devEval = devEvaluation.evaluate(current);
                Epoch e = new Epoch(epoch, lossSum / seen, devEval.meanStanceMacroF1(),
                        devEval.sentiment().macroF1(), (System.nanoTime() - epochStart) / 1e9);
                epochs.add(e);
                log.printf(Locale.ROOT, "%nepoch %d: loss %.4f, dev stance macro-F1 %.3f, dev sentiment macro-F1 %.3f, "
                        + "%s %.3f, %.0f s%n", epoch, e.loss(), e.devStance(), e.devSentiment(),
                        org.stancekit.training.Trainer.SELECTION_SCORE, e.score(), e.seconds());
                if (stopping.record(epoch, e.score())) {
                    best = current;
                }
                if (checkpoints != null) {
                    new Checkpoint(fingerprint, epoch, adam.step(), stopping.bestEpoch(), epochs, network.weights(),
                            floats(adam.firstMoments()), floats(adam.secondMoments()), best).write(checkpoints);
                }
                if (stopping.stoppedEarly()) {
                    log.printf(Locale.ROOT, "stopping early: no better dev score for %d epoch(s)%n", config.patience());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(best, arch, weights, epochs, stopping.bestEpoch());
    }

    /**
     * One optimisation step: every replica computes the gradient of its share of the batch in
     * parallel, the gradients are summed, AdamW updates the first replica, and the others copy it.
     *
     * @return the batch's loss
     */
    private double step(List<TransformerNetwork> replicas, ExecutorService pool, List<SentenceTokens> trainX,
                        int[][] trainY, double[][] classWeights, int[] idx, int heads, List<String> trainable,
                        List<String> headVars, AdamW adam, long totalSteps) throws IOException {
        List<Future<OutAndGrad>> parts = new ArrayList<>();
        for (int r = 0; r < replicas.size(); r++) {
            int[] share = share(idx, r, replicas.size());
            if (share.length == 0) {
                continue;
            }
            TransformerNetwork replica = replicas.get(r);
            parts.add(pool.submit(() -> replica.graph().calculateGradientsAndOutputs(
                    trainingInputs(replica, trainX, trainY, classWeights, share, idx.length, heads),
                    List.of(StanceGraph.LOSS), trainable)));
        }
        double loss = 0;
        Map<String, INDArray> grads = null;
        for (Future<OutAndGrad> part : parts) {
            OutAndGrad og = await(part);
            loss += og.getOutputs().get(StanceGraph.LOSS).getDouble(0);
            if (grads == null) {
                grads = og.getGradients();
            } else {
                for (String name : trainable) {
                    grads.get(name).addi(og.getGradients().get(name));
                }
            }
        }
        adam.nextStep();
        double progress = (double) adam.step() / totalSteps;
        double factor = progress < config.warmup() ? progress / config.warmup()
                : Math.max(0, (1 - progress) / (1 - config.warmup()));
        SameDiff sd = replicas.get(0).graph();
        for (String name : trainable) {
            boolean head = headVars.contains(name);
            double rate = factor * (head ? config.headLearningRate() : config.encoderLearningRate());
            double decay = name.endsWith(".bias") || name.contains("LayerNorm") ? 0 : config.weightDecay();
            INDArray param = sd.getVariable(name).getArr();
            adam.update(name, param, grads.get(name), rate, decay);
            for (int r = 1; r < replicas.size(); r++) {
                replicas.get(r).graph().getVariable(name).getArr().assign(param);
            }
        }
        // SameDiff leaves a step's arrays (about 0.5 GB) to the garbage collector, which a small
        // Java heap rarely runs: memory then grows by gigabytes and every new page faults
        // (measured: 6.5 s a step, half of it in the kernel). Collecting once a step costs about
        // 60 ms and keeps a step near 1 s.
        System.gc();
        return loss;
    }

    /**
     * Runs {@code action} with standard output discarded: SameDiff prints a line per op to it while
     * building the gradient function, and a command's standard output is for its results.
     */
    private static void quietly(Runnable action) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
    }

    private static Map<String, float[]> floats(Map<String, INDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> out.put(name, a.dup().data().asFloat()));
        return out;
    }

    /** Per example, the class index of each head (parties, then sentiment). */
    private int[][] labels(List<LabelledSentence> data) {
        int[][] y = new int[data.size()][];
        for (int i = 0; i < y.length; i++) {
            Labels l = data.get(i).labels();
            y[i] = new int[schema.parties().size() + 1];
            for (int p = 0; p < schema.parties().size(); p++) {
                y[i][p] = schema.stanceIndex(l.stances().get(p));
            }
            y[i][schema.parties().size()] = schema.sentimentIndex(l.sentiment());
        }
        return y;
    }

    /** Per head, the loss weight of each class ({@link ClassWeights}). */
    private double[][] classWeights(int[][] y) {
        int heads = schema.parties().size() + 1;
        double[][] w = new double[heads][];
        for (int h = 0; h < heads; h++) {
            int head = h;
            int classes = h < heads - 1 ? schema.stances().size() : schema.sentiments().size();
            w[h] = ClassWeights.of(java.util.Arrays.stream(y).mapToInt(row -> row[head]).toArray(), classes,
                    config.classWeightPower(), -1);
        }
        return w;
    }

    /** Replica {@code r}'s share of a batch sorted by length: every {@code n}-th example, so shares have similar lengths. */
    private static int[] share(int[] idx, int r, int n) {
        int[] out = new int[(idx.length - r + n - 1) / n];
        for (int i = r, k = 0; i < idx.length; i += n, k++) {
            out[k] = idx[i];
        }
        return out;
    }

    private static OutAndGrad await(Future<OutAndGrad> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("fine-tuning interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * The placeholders of one replica's share of a batch; loss weights are divided by the whole
     * batch's size, so the replicas' summed losses and gradients are the batch mean.
     */
    private static Map<String, INDArray> trainingInputs(TransformerNetwork network, List<SentenceTokens> x, int[][] y,
                                                        double[][] classWeights, int[] idx, int batchSize, int heads) {
        List<SentenceTokens> batch = new ArrayList<>();
        int longest = 0;
        for (int i : idx) {
            batch.add(x.get(i));
            longest = Math.max(longest, x.get(i).length());
        }
        Map<String, INDArray> in = new HashMap<>(network.inputs(batch, TransformerNetwork.paddedLength(longest)));
        for (int h = 0; h < heads; h++) {
            int classes = classWeights[h].length;
            float[] onehot = new float[idx.length * classes];
            float[] w = new float[idx.length];
            for (int b = 0; b < idx.length; b++) {
                int c = y[idx[b]][h];
                onehot[b * classes + c] = 1f;
                // Weights sum the loss over the batch and scale it to a per-sentence mean.
                w[b] = (float) (classWeights[h][c] / batchSize);
            }
            in.put(StanceGraph.labels(h), Nd4j.create(onehot, new long[] {idx.length, classes}, 'c'));
            // Rank 1: softmaxCrossEntropy's gradient rejects [N, 1] weights in M2.1.
            in.put(StanceGraph.weights(h), Nd4j.create(w, new long[] {idx.length}, 'c'));
        }
        return in;
    }

    /**
     * The live progress line: the bar and step count run toward {@code lastStep}, the end of the
     * last epoch the run can still reach; the time left is estimated from this run's step rate
     * (a resumed run's earlier steps excluded).
     *
     * @param done steps this process has taken
     * @param step the optimiser's step, from the run's start
     * @param lastStep the optimiser's step at the end of the last epoch that can run
     */
    private void progress(int epoch, int batch, int batches, double loss, long started, long done, long step,
                          long lastStep) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double left = elapsed / done * (lastStep - step);
        int width = 30;
        int filled = (int) Math.round(width * (double) step / lastStep);
        log.printf(Locale.ROOT, "\r[%s%s] step %d of at most %d (epoch %d, batch %d/%d) loss %.4f, %s elapsed, "
                + "%s left at most   ", "=".repeat(filled), " ".repeat(width - filled), step, lastStep, epoch, batch,
                batches, loss, duration(elapsed), duration(left));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
