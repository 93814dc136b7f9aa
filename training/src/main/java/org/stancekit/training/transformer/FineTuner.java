package org.stancekit.training.transformer;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.stancekit.evaluation.Evaluator;
import org.stancekit.runtime.NativeThreads;
import org.stancekit.text.PartyLexicon;
import org.stancekit.transformer.BaseEncoder;
import org.stancekit.transformer.EncoderWeights;
import org.stancekit.transformer.LengthBatches;
import org.stancekit.transformer.SentenceTokens;
import org.stancekit.transformer.StanceGraph;
import org.stancekit.transformer.TransformerFeaturizer;
import org.stancekit.transformer.TransformerNetwork;
import org.stancekit.transformer.WordPieceTokenizer;

/**
 * Fine-tunes a pretrained encoder with stance and sentiment heads on labelled sentences: summed
 * class-weighted cross-entropy of the five heads, {@link AdamW} with a warm-up then linear decay,
 * batches bucketed by length, an evaluation on dev after every epoch, and the weights of the best
 * epoch kept (early stopping). The same seed gives the same model.
 */
public final class FineTuner {

    /** Sentences per forward pass when evaluating. */
    static final int EVAL_BATCH = 64;

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
     * @param network the network with the best epoch's weights
     * @param featurizer its featurisation
     * @param base the base encoder's weights (for the bundle's deltas and provenance)
     * @param epochs every epoch's figures
     * @param bestEpoch the epoch kept, from 1
     */
    public record Result(TransformerNetwork network, TransformerFeaturizer featurizer, EncoderWeights base,
                         List<Epoch> epochs, int bestEpoch) {
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

    /** Fine-tunes on {@code train}, choosing the epoch by {@code dev}. */
    public Result fineTune(List<LabelledSentence> train, List<LabelledSentence> dev) throws IOException {
        Nd4j.getRandom().setSeed(seed);
        BaseEncoder base = BaseEncoder.named(config.base());
        EncoderWeights weights = EncoderWeights.read(base);
        int layers = config.layers() == 0 ? weights.layers() : Math.min(config.layers(), weights.layers());
        TransformerNetwork.Architecture arch = new TransformerNetwork.Architecture(base, layers,
                config.mentionPooling(), config.markers(), config.maxTokens());
        // One replica of the network per core: each computes the gradient of its share of the batch
        // on one native thread, and the replicas' weights are kept equal after every update.
        // SameDiff's own threads did not pay: two OpenMP threads made a step slower than one.
        List<TransformerNetwork> replicas = new ArrayList<>();
        for (int r = 0; r < config.threads(); r++) {
            replicas.add(TransformerNetwork.create(weights, arch, schema, true, seed));
        }
        TransformerNetwork network = replicas.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size(), r -> {
            Thread t = new Thread(() -> {
                NativeThreads.configureThisThread();
                r.run();
            }, "fine-tune");
            t.setDaemon(true);
            return t;
        });
        TransformerFeaturizer featurizer = new TransformerFeaturizer(lexicon, schema.parties(),
                new WordPieceTokenizer(base, config.maxTokens()));
        List<SentenceTokens> trainX = featurizer.featurize(train.stream().map(LabelledSentence::text).toList());
        List<SentenceTokens> devX = featurizer.featurize(dev.stream().map(LabelledSentence::text).toList());
        int heads = schema.parties().size() + 1;
        int[][] trainY = labels(train);
        double[][] classWeights = classWeights(trainY);

        SameDiff sd = network.graph();
        List<String> encoderVars = network.encoderVariables();
        List<String> headVars = network.headVariables();
        List<String> trainable = new ArrayList<>(encoderVars);
        trainable.addAll(headVars);
        AdamW adam = new AdamW();
        Random random = new Random(seed);
        int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        List<Epoch> epochs = new ArrayList<>();
        Map<String, INDArray> best = null;
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            List<int[]> batches = LengthBuckets.batches(trainX.size(), i -> trainX.get(i).length(), config.batchSize(), random);
            double lossSum = 0;
            int seen = 0;
            for (int b = 0; b < batches.size(); b++) {
                int[] idx = batches.get(b);
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
                // SameDiff leaves a step's arrays (about 0.5 GB) to the garbage collector, which a
                // small Java heap rarely runs: memory then grows by gigabytes and every new page
                // faults (measured: 6.5 s a step, half of it in the kernel). Collecting once a step
                // costs about 60 ms and keeps a step near 1 s.
                System.gc();
                lossSum += loss * idx.length;
                seen += idx.length;
                progress(epoch, b + 1, batches.size(), lossSum / seen, started, adam.step(), totalSteps);
            }
            Evaluation devEval = evaluate(network, devX, dev);
            Epoch e = new Epoch(epoch, lossSum / seen, devEval.meanStanceMacroF1(),
                    devEval.sentiment().macroF1(), (System.nanoTime() - epochStart) / 1e9);
            epochs.add(e);
            log.printf(Locale.ROOT, "%nepoch %d/%d: loss %.4f, dev stance macro-F1 %.3f, dev sentiment macro-F1 %.3f"
                    + " (selection score %.3f), %.0f s%n", epoch, config.epochs(), e.loss(), e.devStance(),
                    e.devSentiment(), e.score(), e.seconds());
            if (e.score() > bestScore) {
                bestScore = e.score();
                bestEpoch = epoch;
                best = snapshot(sd, trainable);
            } else if (epoch - bestEpoch >= config.patience()) {
                log.printf(Locale.ROOT, "stopping early: no better dev score for %d epoch(s)%n", config.patience());
                break;
            }
        }
        pool.shutdownNow();
        best.forEach((name, value) -> sd.getVariable(name).getArr().assign(value));
        return new Result(network, featurizer, weights, epochs, bestEpoch);
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

    /** {@code (mean count / class count)^power} per head and class (0 for a class never seen). */
    private double[][] classWeights(int[][] y) {
        int heads = schema.parties().size() + 1;
        double[][] w = new double[heads][];
        for (int h = 0; h < heads; h++) {
            int classes = h < heads - 1 ? schema.stances().size() : schema.sentiments().size();
            double[] counts = new double[classes];
            for (int[] row : y) {
                counts[row[h]]++;
            }
            double mean = y.length / (double) classes;
            w[h] = new double[classes];
            for (int c = 0; c < classes; c++) {
                w[h][c] = counts[c] == 0 ? 0 : Math.pow(mean / counts[c], config.classWeightPower());
            }
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

    /** Dev figures from the argmax of the logits (the temperature is fitted later and keeps the argmax). */
    private Evaluation evaluate(TransformerNetwork network, List<SentenceTokens> x, List<LabelledSentence> gold) {
        float[][][] logits = LengthBatches.logits(network, x, EVAL_BATCH);
        List<Labels> predicted = new ArrayList<>();
        for (float[][] row : logits) {
            List<String> stances = new ArrayList<>();
            for (int p = 0; p < schema.parties().size(); p++) {
                stances.add(schema.stances().get(argmax(row[p])));
            }
            predicted.add(new Labels(stances, schema.sentiments().get(argmax(row[schema.parties().size()]))));
        }
        return new Evaluator().evaluate(schema, gold.stream().map(LabelledSentence::labels).toList(), predicted);
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Map<String, INDArray> snapshot(SameDiff sd, List<String> names) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        names.forEach(n -> copy.put(n, sd.getVariable(n).getArr().dup()));
        return copy;
    }

    private void progress(int epoch, int step, int steps, double loss, long started, long done, long total) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double left = elapsed / done * (total - done);
        int width = 30;
        int filled = (int) Math.round(width * (double) step / steps);
        log.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f, %s elapsed, %s left   ", epoch, config.epochs(),
                "=".repeat(filled), " ".repeat(width - filled), step, steps, loss, duration(elapsed), duration(left));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
