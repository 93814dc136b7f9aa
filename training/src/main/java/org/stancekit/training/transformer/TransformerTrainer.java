package org.stancekit.training.transformer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stancekit.model.Manifest;
import org.stancekit.model.TransformerSpec;
import org.stancekit.bundle.Versions;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.evaluation.Evaluation;
import org.stancekit.evaluation.Evaluator;
import org.stancekit.text.PartyLexicon;
import org.stancekit.training.Dataset;
import org.stancekit.transformer.BaseEncoder;
import org.stancekit.transformer.Calibration;
import org.stancekit.transformer.EncoderWeights;
import org.stancekit.transformer.SentenceTokens;
import org.stancekit.transformer.TransformerModel;

/**
 * Trains the transformer model end to end: fine-tuning ({@link FineTuner}), then the bundle's
 * model (the weights as the bundle stores them, on the scoring engine), temperatures fitted on dev
 * (calibration), and the dev and test figures of that very model.
 */
public final class TransformerTrainer {

    /**
     * A trained transformer model.
     *
     * @param model the model, its manifest carrying temperatures and test metrics
     * @param dev its dev figures (null without a dev split)
     * @param test its test figures (null without a test split)
     * @param epochs every epoch's figures
     * @param bestEpoch the epoch kept
     */
    public record Result(TransformerModel model, Evaluation dev, Evaluation test, List<FineTuner.Epoch> epochs,
                         int bestEpoch) {
    }

    private final FineTuneConfig config;
    private final long seed;
    private final PartyLexicon lexicon;
    private final PrintStream log;

    /**
     * @param config hyperparameters
     * @param seed seed of the heads' initialisation and the batches' order
     * @param lexicon the party lexicon (where parties are named)
     * @param log progress
     */
    public TransformerTrainer(FineTuneConfig config, long seed, PartyLexicon lexicon, PrintStream log) {
        this.config = config;
        this.seed = seed;
        this.lexicon = lexicon;
        this.log = log;
    }

    /**
     * Trains on the train split, selects the epoch and fits temperatures on dev, evaluates on test.
     *
     * @param files SHA-256 of every file the data came from
     * @param checkpoints folder for the per-epoch checkpoint, or null for none
     */
    public Result train(Dataset data, Map<String, String> files, Path checkpoints) throws IOException {
        LabelSchema schema = data.schema();
        List<LabelledSentence> train = data.split(Split.TRAIN);
        List<LabelledSentence> dev = data.split(Split.DEV);
        BaseEncoder base = BaseEncoder.named(config.base());
        // Reading the weights takes seconds: a silent start looks like a hang.
        log.printf(java.util.Locale.ROOT, "Loading the base encoder %s%n", base.name());
        EncoderWeights weights = EncoderWeights.read(base);
        FineTuner tuner = new FineTuner(config, seed, schema, lexicon, log);
        Manifest draft = manifest(schema, tuner, weights, files);
        Evaluator evaluator = new Evaluator();
        FineTuner.DevEvaluation devEvaluation = w -> {
            if (dev.isEmpty()) {
                throw new IllegalArgumentException(data.origin() + ": the dev split is empty; it chooses the epoch");
            }
            try (TransformerModel m = model(draft, weights, w)) {
                return evaluator.evaluate(m, dev);
            }
        };
        String fingerprint = files + "|" + config.toMap() + "|" + seed;
        FineTuner.Result tuned = tuner.fineTune(train, weights, devEvaluation, checkpoints, fingerprint);

        TransformerModel model = model(draft, weights, tuned.weightsFile());
        if (!dev.isEmpty()) {
            Map<String, Double> temperatures = temperatures(model, dev, schema);
            log.printf(java.util.Locale.ROOT, "Calibration: temperatures fitted on dev %s%n", temperatures);
            model = model.withManifest(model.manifest().withTemperatures(temperatures));
        }
        Evaluation devEval = dev.isEmpty() ? null : evaluator.evaluate(model, dev);
        List<LabelledSentence> test = data.split(Split.TEST);
        Evaluation testEval = test.isEmpty() ? null : evaluator.evaluate(model, test);
        model = model.withManifest(model.manifest().withMetrics(testEval == null ? Map.of() : testEval.metrics()));
        return new Result(model, devEval, testEval, tuned.epochs(), tuned.bestEpoch());
    }

    private Manifest manifest(LabelSchema schema, FineTuner tuner, EncoderWeights weights, Map<String, String> files) {
        var arch = tuner.architecture(weights);
        TransformerSpec spec = new TransformerSpec(arch.base().name(), arch.base().coordinates(), weights.sha256(),
                arch.layers(), arch.maxTokens(), config.pooling());
        Map<String, String> training = new LinkedHashMap<>();
        training.put("model", Manifest.TRANSFORMER);
        training.putAll(config.toMap());
        return new Manifest(Manifest.FORMAT_VERSION, schema, null, null, training, seed, files, Map.of(),
                Versions.libraries(), Instant.now().toString(), Map.of(), Manifest.TRANSFORMER, spec, Map.of());
    }

    private TransformerModel model(Manifest manifest, EncoderWeights weights, byte[] tuned) throws IOException {
        return TransformerModel.create(manifest, weights, tuned, lexicon, Runtime.getRuntime().availableProcessors());
    }

    /** Per head, the temperature that minimises the dev negative log-likelihood. */
    private static Map<String, Double> temperatures(TransformerModel model, List<LabelledSentence> dev, LabelSchema schema) {
        List<SentenceTokens> inputs = dev.stream().map(s -> model.encode(s.text())).toList();
        float[][][] logits = model.logitsOf(inputs);
        List<String> heads = schema.heads();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int h = 0; h < heads.size(); h++) {
            float[][] head = new float[logits.length][];
            int[] gold = new int[logits.length];
            for (int i = 0; i < logits.length; i++) {
                head[i] = logits[i][h];
                var labels = dev.get(i).labels();
                gold[i] = h < schema.parties().size() ? schema.stanceIndex(labels.stances().get(h))
                        : schema.sentimentIndex(labels.sentiment());
            }
            out.put(heads.get(h), Calibration.fitTemperature(head, gold));
        }
        return out;
    }
}
