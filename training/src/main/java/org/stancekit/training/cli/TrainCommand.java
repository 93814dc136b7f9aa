package org.stancekit.training.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancekit.bundle.BundleWriter;
import org.stancekit.cli.VerboseOption;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Split;
import org.stancekit.text.PartyLexicon;
import org.stancekit.runtime.FileTrees;
import org.stancekit.runtime.Sha256;
import org.stancekit.training.AuxiliaryExample;
import org.stancekit.training.AuxiliaryReader;
import org.stancekit.training.Dataset;
import org.stancekit.training.DatasetFormatException;
import org.stancekit.training.LabelledCsvReader;
import org.stancekit.training.LabelledFiles;
import org.stancekit.training.Trainer;
import org.stancekit.training.TrainingDataCheck;
import org.stancekit.training.TrainingConfig;
import org.stancekit.training.TrainingDataWarnings;
import org.stancekit.training.TrainingResult;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.training.CrossValidation;
import org.stancekit.training.SourceCrossValidation;
import org.stancekit.training.SplitIntegrity;
import org.stancekit.training.transformer.TransformerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stancekit train}: fits a model on a labelled CSV and writes a bundle. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Train a stance and sentiment model on labelled sentences and write a model bundle.",
            "Two kinds of model, chosen by the configuration's 'model' key: 'transformer' (the default: a pretrained "
                    + "encoder fine-tuned with target-aware heads; about 25 minutes on 2 cores for 10,000 sentences, "
                    + "a few hundred sentences a second when scoring) or 'fast' (a bag-of-features network: about a "
                    + "minute to train, tens of thousands of sentences a second, less accurate).",
            "Weights are fitted on the train split, the epoch with the best dev score is kept (early stopping), the "
                    + "transformer's probabilities are calibrated on dev, and the test metrics are stored in the bundle's "
                    + "manifest. The same data, configuration and seed give the same model.",
            "A transformer run saves a checkpoint after every epoch in BUNDLE.checkpoint/; run the same command again "
                    + "to continue an interrupted run from there.",
            "Progress goes to standard error: a bar toward the last epoch early stopping can still reach, time "
                    + "elapsed and left, and per epoch the dev selection score (the mean of the dev stance and "
                    + "sentiment macro-F1) that chooses the epoch. A small set trains with a warning: fewer than "
                    + "200 train rows, or a head with fewer than 20 train rows of a class (counts listed).",
            "Data that breaks a split rule of 'dataset check' (a document in two splits, a text in two splits, "
                    + "synthetic text outside train) or cannot train one model (no train or no dev rows, a head with "
                    + "one class in train) is refused before training, with exit code 3 and no bundle written."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", split = ",",
            description = {"Labelled sentences (CSV with id,source,doc_id,position,text,us,ukraine,russia,europe,"
                    + "sentiment,split; other columns are ignored). Repeatable or comma-separated: the files' rows "
                    + "are used together, in the order given, for example your own labels beside "
                    + "datasets/labelled/sentences.csv. An id in two files is an error; the split rules hold across "
                    + "all of them, and the manifest records each file's SHA-256."})
    List<Path> data = new ArrayList<>();

    @Option(names = "--out", paramLabel = "BUNDLE", description = "Where to write the model bundle (.zip). Required unless --cv.")
    Path out;

    @Option(names = "--cv", paramLabel = "K",
            description = "Instead of training one model, run K-fold cross-validation by document over the train and dev "
                    + "splits (test untouched) and report the mean and spread of every metric.")
    int folds;

    @Option(names = "--cv-by", paramLabel = "source",
            description = "Instead of training one model, train one per source value on every other source and "
                    + "evaluate it on all sentences of the source left out, and print a table of the figures: how "
                    + "the model does on text from a source it never saw. The only grouping is 'source'.")
    String cvBy;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Hyperparameters as a properties file; unset keys keep their defaults. See --print-config.",
                    "'--config fast' trains the fast model with its defaults (a file: model=fast and its keys); "
                            + "transformer.base=bge-small-en-v1.5 or e5-small-v2 fine-tunes another base encoder "
                            + "(fetch it first: see docs/experiments.md)."})
    Path config;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261122",
            description = "Random seed of initialisation, dropout and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--aux", paramLabel = "FILE", split = ",",
            description = "Auxiliary supervision (CSV with text and party,stance or sentiment columns, as in "
                    + "datasets/auxiliary/); used for training only, weighted by auxiliaryWeight. Repeatable.")
    List<Path> auxiliary = new ArrayList<>();

    @Option(names = "--distilled", paramLabel = "FILE",
            description = "Sentences labelled by another model ('stancekit dataset distill'), a labelled CSV (.csv or "
                    + ".csv.gz): the fast model also learns from them, weighted by distillationWeight (training only).")
    Path distilled;

    @Option(names = "--train-fraction", paramLabel = "F", defaultValue = "1",
            description = "Train on this share (0 to 1) of the train split's documents, picked by --seed, for a "
                    + "learning curve; dev and test are untouched (default: all).")
    double trainFraction;

    @Option(names = "--lexicon", paramLabel = "FILE",
            description = "Party lexicon (PARTY<TAB>alias lines). Default: the lexicon shipped with StanceKit.")
    Path lexicon;

    @Option(names = "--print-config",
            description = "Print the effective configuration as a properties file (keys sorted, no timestamp) and exit.")
    boolean printConfig;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        ModelConfig model = config == null ? ModelConfig.DEFAULT : ModelConfig.read(config);
        TrainingConfig cfg = model.fast();
        PrintWriter err = TrainingCli.stderr();
        if (printConfig) {
            PrintWriter stdout = new PrintWriter(System.out, true);
            model.store(stdout);
            return ExitCodes.OK;
        }
        if (data.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--data=FILE'");
        }
        if (cvBy != null && !cvBy.equals("source")) {
            throw new ParameterException(spec.commandLine(), "--cv-by takes 'source', got '" + cvBy + "'");
        }
        if (out == null && folds == 0 && cvBy == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--out=BUNDLE' (or use --cv K or --cv-by source)");
        }
        if (distilled != null && (folds > 0 || cvBy != null)) {
            // The distilled labels come from a model trained on every fold: they would leak the held-out part.
            throw new ParameterException(spec.commandLine(), "--distilled cannot be cross-validated (--cv, --cv-by): "
                    + "its labels come from a model that was trained on the held-out sentences");
        }
        if (!auxiliary.isEmpty() && cvBy != null) {
            throw new ParameterException(spec.commandLine(), "--aux is not used by --cv-by source; leave it out");
        }
        PartyLexicon lex = lexicon == null ? PartyLexicon.loadDefault()
                : PartyLexicon.parse(Files.readString(lexicon, StandardCharsets.UTF_8), lexicon.toString());
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new ParameterException(spec.commandLine(), "--train-fraction must be in (0, 1], got " + trainFraction);
        }
        err.printf(Locale.ROOT, "Reading %s%n", String.join(", ", data.stream().map(Path::toString).toList()));
        Dataset asRead = new LabelledFiles(LabelSchema.DEFAULT).read(data);
        Dataset dataset = asRead;
        Map<String, String> files = new TreeMap<>();
        // The manifest's file list is its record of what was trained on: name a subset there.
        String subset = trainFraction < 1
                ? String.format(Locale.ROOT, " (train fraction %s, seed %d)", trainFraction, seed) : "";
        if (trainFraction < 1) {
            dataset = dataset.withTrainFraction(trainFraction, seed);
        }
        // Before anything is fitted or written: a set that leaks across splits or is degenerate
        // would train without complaint and report figures that mean nothing.
        TrainingDataCheck.require(asRead, dataset, folds == 0 && cvBy == null);
        for (Path file : data) {
            String name = file.getFileName().toString();
            // Two files of one name in different folders: the path tells them apart.
            files.put((files.containsKey(name + subset) ? file.toString() : name) + subset, Sha256.of(file));
        }
        // A set that trains but cannot train well: said before the wait, not refused.
        TrainingDataWarnings.of(dataset).forEach(w -> err.println("stancekit: warning: " + w));
        List<AuxiliaryExample> aux = new ArrayList<>();
        for (Path file : auxiliary) {
            aux.addAll(new AuxiliaryReader(LabelSchema.DEFAULT).read(file));
            files.put(file.getFileName().toString(), Sha256.of(file));
        }
        long start = System.nanoTime();
        if (cvBy != null) {
            Dataset all = dataset;
            List<SourceCrossValidation.Fold> result = SourceCrossValidation.run(all, d -> model.transformer() != null
                    ? new TransformerTrainer(model.transformer(), seed, lex, System.err).train(d, files, null).model()
                    : new Trainer(cfg, seed, lex, report -> { }).train(d, files).bundle(), line -> {
                        err.println(line);
                        err.flush();
                    });
            err.printf(Locale.ROOT, "Cross-validated by source in %.1f s%n", (System.nanoTime() - start) / 1e9);
            System.out.print(MetricsTable.bySource(result));
            return ExitCodes.OK;
        }
        if (model.transformer() != null) {
            if (!aux.isEmpty() || folds > 0 || distilled != null) {
                throw new ParameterException(spec.commandLine(), "--aux, --distilled and --cv train the fast model (--config fast)");
            }
            err.printf(Locale.ROOT, "Fine-tuning %s on %s: %d sentences (seed %d)%n", model.transformer().base(), dataset.origin(),
                    dataset.sentences().size(), seed);
            err.flush();
            Path checkpoints = out.resolveSibling(out.getFileName() + ".checkpoint");
            TransformerTrainer.Result result = new TransformerTrainer(model.transformer(), seed, lex, System.err)
                    .train(dataset, files, checkpoints);
            new BundleWriter().write(result.model(), out);
            FileTrees.delete(checkpoints);
            err.printf(Locale.ROOT, "Kept epoch %d. Trained in %.1f s. Wrote %s%n", result.bestEpoch(),
                    (System.nanoTime() - start) / 1e9, out);
            if (result.test() != null) {
                System.out.print(MetricsTable.render(result.test(), "test"));
            }
            return ExitCodes.OK;
        }
        List<LabelledSentence> distilledRows = List.of();
        if (distilled != null) {
            distilledRows = new LabelledCsvReader(LabelSchema.DEFAULT).read(distilled).sentences();
            requireNoLeak(distilledRows, dataset);
            files.put(distilled.getFileName().toString(), Sha256.of(distilled));
        }
        err.printf(Locale.ROOT, "Training on %s: %d sentences, %d auxiliary examples, %d distilled (seed %d)%n", dataset.origin(),
                dataset.sentences().size(), aux.size(), distilledRows.size(), seed);
        err.println(TrainingProgress.start(cfg.epochs(), cfg.patience()));
        Trainer trainer = new Trainer(cfg, seed, lex, report -> err.println(TrainingProgress.epoch(report)));
        if (folds > 0) {
            CrossValidation.Result cv = new CrossValidation(trainer, seed).run(dataset, aux, folds, files);
            err.printf(Locale.ROOT, "Cross-validated %d folds in %.1f s%n", folds, (System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "%n%d-fold cross-validation by document (train and dev splits)%n", folds);
            System.out.printf(Locale.ROOT, "%-34s %8s %8s%n", "metric", "mean", "std");
            cv.mean().forEach((k, m) -> System.out.printf(Locale.ROOT, "%-34s %8.4f %8.4f%n", k, m, cv.std().get(k)));
            return ExitCodes.OK;
        }
        TrainingResult result = trainer.train(dataset, aux, distilledRows, files);
        new BundleWriter().write(result.bundle(), out);
        err.printf(Locale.ROOT, "Kept epoch %d. Trained in %.1f s. Wrote %s%n", result.bestEpoch(),
                (System.nanoTime() - start) / 1e9, out);
        if (result.test() != null) {
            System.out.print(MetricsTable.render(result.test(), "test"));
        }
        return ExitCodes.OK;
    }

    /**
     * Distilled rows are training data: a document or a text of the dev or test split among them
     * would leak it into training, whatever split the distilled file gives them.
     */
    private void requireNoLeak(List<LabelledSentence> distilledRows, Dataset dataset) throws DatasetFormatException {
        List<LabelledSentence> together = new ArrayList<>(dataset.sentences());
        distilledRows.forEach(r -> together.add(new LabelledSentence(r.id(), r.source(), r.docId(), r.position(), r.text(),
                r.labels(), Split.TRAIN)));
        List<String> leaks = SplitIntegrity.check(together).problems();
        if (!leaks.isEmpty()) {
            List<String> named = new ArrayList<>(leaks.stream().limit(25).map(p -> distilled + ": " + p).toList());
            named.add(distilled + ": distilled sentences must come from documents outside the dev and test splits of "
                    + dataset.origin() + "; no bundle written");
            throw new DatasetFormatException(named);
        }
    }
}
