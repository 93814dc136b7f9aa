package org.stancekit.training.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.stancekit.cli.ModelOption;
import org.stancekit.domain.LabelSchema;
import org.stancekit.domain.Labels;
import org.stancekit.domain.Split;
import org.stancekit.text.PartyLexicon;
import org.stancekit.runtime.ExitCodes;
import org.stancekit.training.Dataset;
import org.stancekit.training.DatasetChecker;
import org.stancekit.training.DatasetReport;
import org.stancekit.training.LabelledCsvReader;
import org.stancekit.model.StanceModel;
import org.stancekit.training.dataset.Adjudication;
import org.stancekit.training.dataset.Distillation;
import org.stancekit.training.dataset.UnlabelledPool;
import org.stancekit.training.dataset.AnnotationBatches;
import org.stancekit.training.dataset.DatasetAssembler;
import org.stancekit.training.dataset.LabelFile;
import org.stancekit.training.dataset.RoundFiles;
import org.stancekit.training.dataset.PassageSampler;
import org.stancekit.training.dataset.PoolFile;
import org.stancekit.training.dataset.PoolRow;
import org.stancekit.training.dataset.ReferenceRuleSelection;
import org.stancekit.training.dataset.SamplingPlan;
import org.stancekit.training.ArticleLabelsCheck;
import org.stancekit.training.LabelledArticleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stancekit dataset}: tools for labelled datasets. */
@Command(name = "dataset", mixinStandardHelpOptions = true, subcommands = {DatasetCommand.Check.class, DatasetCommand.Sample.class, DatasetCommand.Reannotate.class,
            DatasetCommand.Batches.class,
            DatasetCommand.Adjudicate.class, DatasetCommand.Assemble.class, DatasetCommand.Distill.class},
        description = {"Build and check labelled datasets. The steps of an annotation round, in order:",
            "  sample      draw passages from the corpus by a sampling plan into a pool file (split per document)",
            "  reannotate  pool the labelled rows a guideline change can affect, to annotate again",
            "  batches     cut a pool into annotation batches (context, no labels)",
            "  adjudicate  gather the rows two passes label differently into adjudication batches",
            "  assemble    merge annotation passes and adjudications into the labelled CSV",
            "  check       validate the result and print counts and agreement",
            "  distill     label unlabelled corpus sentences with a model, as training data for another (the fast model)",
            "See 'stancekit dataset COMMAND --help' and datasets/README.md."})
final class DatasetCommand {

    /** {@code stancekit dataset sample}. */
    @Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Sample passages from the licensed corpus for annotation, by a sampling plan "
                    + "(a properties file: seed, passage length, per-source quotas and party weights; see "
                    + "datasets/round3/plan.properties), and write a pool file: one row per sentence with its id, "
                    + "source, document, position, split (whole documents per split) and context.",
                "Sentences already in --data are never drawn again; documents already in it keep their split."})
    static final class Sample implements Callable<Integer> {
        @Option(names = "--plan", paramLabel = "FILE", required = true, description = "Sampling plan (.properties).")
        Path plan;
        @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${sys:stancekit.home:-.}/../shared/corpus",
                description = "Folder of the corpus files the plan names (default: ${DEFAULT-VALUE}).")
        Path corpus;
        @Option(names = "--data", paramLabel = "FILE", defaultValue = "${sys:stancekit.home:-.}/datasets/labelled/sentences.csv",
                description = "Labelled sentences to exclude (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--out", paramLabel = "POOL.csv", required = true, description = "Pool file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Dataset dataset = new LabelledCsvReader(LabelSchema.DEFAULT).read(data);
            Set<String> exclude = new HashSet<>();
            Map<String, Split> splits = new HashMap<>();
            dataset.sentences().forEach(s -> {
                exclude.add(PassageSampler.key(s.text()));
                splits.put(s.docId(), s.split());
            });
            List<PoolRow> rows = new PassageSampler(PartyLexicon.loadDefault())
                    .sample(SamplingPlan.read(plan), corpus, exclude, splits);
            PoolFile.write(out, rows);
            System.out.println(summary(rows) + " -> " + out);
            return ExitCodes.OK;
        }
    }

    /** {@code stancekit dataset reannotate}. */
    @Command(name = "reannotate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Pool the labelled rows that the reference rule of the guidelines (version 2.0) can change: "
                    + "rows whose text names an alias of a party they label NONE, and NewsMTSC rows that label "
                    + "the US NONE. The pool carries context rebuilt from the corpus and no labels; annotate it "
                    + "again and merge with 'dataset assemble'. Their current labels go to previous.csv beside the pool "
                    + "(for the assembler; never give it to annotators)."})
    static final class Reannotate implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "FILE", defaultValue = "${sys:stancekit.home:-.}/datasets/labelled/sentences.csv",
                description = "Labelled sentences (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${sys:stancekit.home:-.}/../shared/corpus",
                description = "Corpus folder, for context (default: ${DEFAULT-VALUE}).")
        Path corpus;
        @Option(names = "--out", paramLabel = "POOL.csv", required = true, description = "Pool file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Dataset dataset = new LabelledCsvReader(LabelSchema.DEFAULT).read(data);
            List<PoolRow> rows = new ReferenceRuleSelection(PartyLexicon.loadDefault()).select(dataset, corpus);
            PoolFile.write(out, rows);
            Set<String> ids = new HashSet<>(rows.stream().map(PoolRow::id).toList());
            Map<String, Labels> previous = new LinkedHashMap<>();
            dataset.sentences().stream().filter(s -> ids.contains(s.id())).forEach(s -> previous.put(s.id(), s.labels()));
            LabelFile.write(out.resolveSibling("previous.csv"), dataset.schema(), previous);
            System.out.println(summary(rows) + " -> " + out);
            return ExitCodes.OK;
        }
    }

    /** {@code stancekit dataset batches}. */
    @Command(name = "batches", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Cut a pool file into annotation batches PREFIX-01.csv, PREFIX-02.csv, ... with the columns "
                    + "id,title,date,speaker,before,text,after: what an annotator reads, never a label."})
    static final class Batches implements Callable<Integer> {
        @Option(names = "--pool", paramLabel = "POOL.csv", required = true, description = "Pool file.")
        Path pool;
        @Option(names = "--ids", paramLabel = "FILE", description = "Only these row ids (one a line), in pool order.")
        Path ids;
        @Option(names = "--split", paramLabel = "SPLIT", split = ",",
                description = "Only rows of these splits (train, dev, test).")
        List<String> splits;
        @Option(names = "--sample", paramLabel = "N",
                description = "Only a seeded random N of the rows (after the other filters), kept in pool order: "
                        + "the second annotation pass over train and dev.")
        Integer sample;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "20261206",
                description = "Seed of --sample (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--size", paramLabel = "N", defaultValue = "200",
                description = "Rows per batch (default: ${DEFAULT-VALUE}).")
        int size;
        @Option(names = "--prefix", paramLabel = "NAME", defaultValue = "batch",
                description = "File name prefix (default: ${DEFAULT-VALUE}).")
        String prefix;
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the batches to.")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<PoolRow> rows = PoolFile.read(pool);
            if (ids != null) {
                Set<String> keep = new HashSet<>(Files.readAllLines(ids, StandardCharsets.UTF_8).stream()
                        .map(String::strip).filter(l -> !l.isEmpty()).toList());
                rows = rows.stream().filter(r -> keep.contains(r.id())).toList();
            }
            if (splits != null) {
                Set<Split> wanted = new HashSet<>(splits.stream().map(Split::parse).toList());
                rows = rows.stream().filter(r -> wanted.contains(r.split())).toList();
            }
            if (sample != null && sample < rows.size()) {
                List<PoolRow> shuffled = new ArrayList<>(rows);
                Collections.shuffle(shuffled, new Random(seed));
                Set<String> chosen = new HashSet<>(shuffled.subList(0, sample).stream().map(PoolRow::id).toList());
                rows = rows.stream().filter(r -> chosen.contains(r.id())).toList();
            }
            List<Path> files = AnnotationBatches.write(rows, size, out, prefix);
            System.out.printf(Locale.ROOT, "%d rows in %d batches -> %s%n", rows.size(), files.size(), out);
            return ExitCodes.OK;
        }
    }

    /** {@code stancekit dataset adjudicate}. */
    @Command(name = "adjudicate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write adjudication batches for a round: the rows whose two passes differ (new rows: pass A "
                    + "against pass B; re-annotated rows: previous labels against pass R, or on test pass R against R2), "
                    + "each with its context and both label sets as 'first' and 'second' in a seeded random order. "
                    + "Adjudicators write id,<party>...,sentiment,note; 'dataset assemble' merges their decisions."})
    static final class Adjudicate implements Callable<Integer> {
        @Option(names = "--round", paramLabel = "DIR", required = true, description = "The round's folder.")
        Path round;
        @Option(names = "--size", paramLabel = "N", defaultValue = "150",
                description = "Rows per batch (default: ${DEFAULT-VALUE}).")
        int size;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "20261206",
                description = "Seed of the order of the two label sets (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the batches and keys.")
        Path out;

        @Override
        public Integer call() throws IOException {
            RoundFiles files = new RoundFiles(round);
            LabelSchema schema = LabelSchema.DEFAULT;
            List<Adjudication.Contest> fresh = files.newRowContests(schema);
            Map<String, PoolRow> context = new HashMap<>();
            PoolFile.read(round.resolve("pool.csv")).forEach(r -> context.put(r.id(), r));
            Adjudication.writeBatches(fresh, context, schema, out, "adj", size, seed);
            List<Adjudication.Contest> again = files.reannotationContests(schema);
            if (!again.isEmpty()) {
                Map<String, PoolRow> old = new HashMap<>();
                PoolFile.read(round.resolve("reannotation/pool.csv")).forEach(r -> old.put(r.id(), r));
                Adjudication.writeBatches(again, old, schema, out, "radj", size, seed + 1);
            }
            System.out.printf(Locale.ROOT, "%d new rows and %d re-annotated rows to adjudicate -> %s%n", fresh.size(),
                    again.size(), out);
            return ExitCodes.OK;
        }
    }

    /** {@code stancekit dataset distill}. */
    @Command(name = "distill", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Label unlabelled sentences of the corpus with a model (by default the shipped transformer) and "
                    + "write them as a labelled CSV (gzipped when the name ends in .gz) with split=train and "
                    + "annotation=distilled: training data for the fast model (train --config fast --distilled FILE).",
                "Sentences of the labelled set, and every sentence of its dev and test documents, are left out, so "
                    + "that no dev or test document reaches training through another model's labels."})
    static final class Distill implements Callable<Integer> {
        @Mixin
        ModelOption model;
        @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${sys:stancekit.home:-.}/../shared/corpus",
                description = "Corpus folder (default: ${DEFAULT-VALUE}).")
        Path corpus;
        @Option(names = "--data", paramLabel = "FILE", defaultValue = "${sys:stancekit.home:-.}/datasets/labelled/sentences.csv",
                description = "The labelled set whose sentences and dev and test documents are left out (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--sentences", paramLabel = "N", defaultValue = "120000",
                description = "Sentences to label at most (default: ${DEFAULT-VALUE}).")
        int sentences;
        @Option(names = "--seed", paramLabel = "S", defaultValue = "20261206",
                description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Labelled CSV to write (.csv or .csv.gz).")
        Path out;

        @Override
        public Integer call() throws IOException {
            Dataset dataset = new LabelledCsvReader(LabelSchema.DEFAULT).read(data);
            List<UnlabelledPool.Sentence> pool = new UnlabelledPool(dataset).sample(corpus, sentences, seed);
            System.err.printf(Locale.ROOT, "Labelling %,d sentences with the %s...%n", pool.size(), model.describe());
            long start = System.nanoTime();
            try (StanceModel<?, ?> labeller = model.load()) {
                Distillation.write(labeller, pool, out, done -> System.err.printf(Locale.ROOT, "\r%,d of %,d labelled (%.0f s)",
                        done, pool.size(), (System.nanoTime() - start) / 1e9));
            }
            System.err.printf(Locale.ROOT, "%nWrote %s%n", out);
            return ExitCodes.OK;
        }
    }

    /** {@code stancekit dataset assemble}. */
    @Command(name = "assemble", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Merge an annotation round into the labelled CSV: settle every re-annotated and every new row "
                    + "(the passes' common label, else the adjudicator's), add the new rows with their split, and write the "
                    + "round's double annotation as an agreement pair. Adjudicators' decision files (--decisions) are first "
                    + "turned into the round's adjudication records. Repeatable: it reads only the round's files."})
    static final class Assemble implements Callable<Integer> {
        @Option(names = "--round", paramLabel = "DIR", required = true, description = "The round's folder.")
        Path round;
        @Option(names = "--decisions", paramLabel = "DIR",
                description = "Adjudicators' outputs (adj-*.csv, radj-*.csv) and the keys 'dataset adjudicate' wrote.")
        Path decisions;
        @Option(names = "--data", paramLabel = "FILE", defaultValue = "${sys:stancekit.home:-.}/datasets/labelled/sentences.csv",
                description = "Labelled CSV to update in place (default: ${DEFAULT-VALUE}).")
        Path data;
        @Option(names = "--agreement", paramLabel = "DIR", defaultValue = "${sys:stancekit.home:-.}/datasets/agreement",
                description = "Folder of the agreement pairs (default: ${DEFAULT-VALUE}).")
        Path agreement;

        @Override
        public Integer call() throws IOException {
            RoundFiles files = new RoundFiles(round);
            LabelSchema schema = LabelSchema.DEFAULT;
            if (decisions != null) {
                Adjudication.writeRecord(round.resolve("adjudication.csv"), files.newRowContests(schema),
                        Adjudication.readDecisions(decisions, "adj-", schema), schema);
                if (Files.exists(round.resolve("reannotation/pool.csv"))) {
                    Adjudication.writeRecord(round.resolve("reannotation/adjudication.csv"),
                            files.reannotationContests(schema), Adjudication.readDecisions(decisions, "radj-", schema), schema);
                }
            }
            DatasetAssembler.Result r = new DatasetAssembler(schema).assemble(data, files, data, agreement);
            System.out.printf(Locale.ROOT, "added %d rows; re-annotated %d (%d changed); %d settled by adjudication -> %s%n",
                    r.added(), r.relabelled(), r.changed(), r.contested(), data);
            return ExitCodes.OK;
        }
    }

    private static String summary(List<PoolRow> rows) {
        Map<String, Map<Split, Integer>> counts = new TreeMap<>();
        rows.forEach(r -> counts.computeIfAbsent(r.source(), k -> new EnumMap<>(Split.class)).merge(r.split(), 1, Integer::sum));
        return rows.size() + " sentences " + counts;
    }

    /** {@code stancekit dataset check}. */
    @Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                "Validate a labelled CSV and print its counts: schema and labels of every row, at least one row, "
                        + "each document in one split, no text in two splits, synthetic text only in train and at most "
                        + "10%% of it, every test sentence annotated twice. 'train' refuses a file that breaks one of "
                        + "the split rules, and warns here of what else it would refuse (an empty train or dev split, "
                        + "a head with one class in train).",
                "Prints counts per split, per party and label, and Cohen's kappa per party and for sentiment, "
                        + "computed from the two annotation files. With articles.csv beside the data file, validates "
                        + "it too (every document has sentences here and keeps their split, every test document "
                        + "annotated twice) and prints its counts and the kappa of ../article-labels/pass-a.csv and "
                        + "pass-b.csv. Exits 1 when a check fails."})
    static final class Check implements Callable<Integer> {

        @Option(names = "--data", paramLabel = "FILE", defaultValue = "${sys:stancekit.home:-.}/datasets/labelled/sentences.csv",
                description = "Labelled sentences (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--agreement", paramLabel = "A.csv,B.csv[,A2.csv,B2.csv...]", split = ",", hideParamSyntax = true,
                description = "Pairs of independent annotation files, one pair per annotation round, earlier rounds first "
                        + "(a sentence counts by the last pair that has it). Default: every [ROUND_]annotator_a.csv with "
                        + "its _b twin in ../agreement/ beside the data file's folder.")
        Path[] agreement;

        @Option(names = "--min-stance", paramLabel = "N", defaultValue = "250",
                description = "Warn when a party has fewer FAVOR or AGAINST sentences than this (default: ${DEFAULT-VALUE}).")
        int minStance;

        @Option(names = "--min-test-stance", paramLabel = "N", defaultValue = "40",
                description = "Warn when a party has fewer FAVOR or AGAINST test sentences than this (default: ${DEFAULT-VALUE}).")
        int minTestStance;

        @Override
        public Integer call() throws IOException {
            Dataset dataset = new LabelledCsvReader(LabelSchema.DEFAULT).read(data);
            List<Path[]> pairs = new ArrayList<>();
            if (agreement != null) {
                if (agreement.length % 2 != 0) {
                    throw new IllegalArgumentException("--agreement takes pairs of files, got " + agreement.length);
                }
                for (int i = 0; i < agreement.length; i += 2) {
                    pairs.add(new Path[] {agreement[i], agreement[i + 1]});
                }
            } else {
                pairs.addAll(DatasetChecker.defaultAgreementPairs(data));
            }
            DatasetReport report = new DatasetChecker().check(dataset, pairs);
            print(report, pairs, minStance, minTestStance);
            boolean passed = report.passed();
            Path articleFile = data.toAbsolutePath().resolveSibling(LabelledArticleReader.FILE_NAME);
            if (Files.isRegularFile(articleFile)) {
                Path passes = data.toAbsolutePath().getParent().resolveSibling(ArticleLabelsCheck.PASSES_FOLDER);
                ArticleLabelsCheck.Result articles = ArticleLabelsCheck.check(
                        new LabelledArticleReader(dataset.schema()).read(articleFile), dataset,
                        passes.resolve("pass-a.csv"), passes.resolve("pass-b.csv"));
                System.out.print(ArticleLabelsCheck.summary(articles, articleFile));
                passed &= articles.passed();
            }
            return passed ? ExitCodes.OK : ExitCodes.PARTIAL;
        }

        private static void print(DatasetReport r, List<Path[]> pairs, int minStance, int minTestStance) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "sentences: %d  (train %d, dev %d, test %d)%n", r.sentences(),
                    r.bySplit().get("train"), r.bySplit().get("dev"), r.bySplit().get("test")));
            sb.append("sources: ").append(r.bySource()).append(System.lineSeparator());
            sb.append(String.format(Locale.ROOT, "no party referred to: %d (%.1f%%)%n", r.noParty(),
                    100.0 * r.noParty() / Math.max(1, r.sentences())));
            sb.append(String.format(Locale.ROOT, "%n%-9s %-6s %7s %8s %8s %6s  %s%n", "party", "split",
                    "FAVOR", "AGAINST", "NEUTRAL", "NONE", "referring"));
            for (Map.Entry<String, Map<String, Map<String, Integer>>> party : r.stanceCounts().entrySet()) {
                for (Map.Entry<String, Map<String, Integer>> split : party.getValue().entrySet()) {
                    Map<String, Integer> c = split.getValue();
                    int referring = c.values().stream().mapToInt(Integer::intValue).sum() - c.getOrDefault("NONE", 0);
                    sb.append(String.format(Locale.ROOT, "%-9s %-6s %7d %8d %8d %6d  %d%n", party.getKey(),
                            split.getKey(), c.getOrDefault("FAVOR", 0), c.getOrDefault("AGAINST", 0),
                            c.getOrDefault("NEUTRAL", 0), c.getOrDefault("NONE", 0), referring));
                }
            }
            sb.append(String.format(Locale.ROOT, "%n%-9s %-6s %8s %8s %8s%n", "", "split", "POSITIVE", "NEGATIVE", "NEUTRAL"));
            for (Map.Entry<String, Map<String, Integer>> split : r.sentimentCounts().entrySet()) {
                Map<String, Integer> c = split.getValue();
                sb.append(String.format(Locale.ROOT, "%-9s %-6s %8d %8d %8d%n", "sentiment", split.getKey(),
                        c.getOrDefault("POSITIVE", 0), c.getOrDefault("NEGATIVE", 0), c.getOrDefault("NEUTRAL", 0)));
            }
            sb.append(String.format(Locale.ROOT, "%nbalance (at least %d FAVOR and AGAINST per party, %d of each in test):%n",
                    minStance, minTestStance));
            r.stanceCounts().forEach((party, bySplit) -> {
                int favor = bySplit.get("all").get(LabelSchema.FAVOR);
                int against = bySplit.get("all").get(LabelSchema.AGAINST);
                int testFavor = bySplit.get("test").get(LabelSchema.FAVOR);
                int testAgainst = bySplit.get("test").get(LabelSchema.AGAINST);
                boolean met = favor >= minStance && against >= minStance && testFavor >= minTestStance
                        && testAgainst >= minTestStance;
                sb.append(String.format(Locale.ROOT, "  %-9s FAVOR %5d (test %4d)  AGAINST %5d (test %4d)  %s%n", party,
                        favor, testFavor, against, testAgainst, met ? "met" : "SHORT"));
            });
            if (!pairs.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%ndouble-annotated: %d sentences %s, from %s%n", r.doubleAnnotated(),
                        r.doubleAnnotatedBySplit(), String.join(", ", pairs.stream()
                                .map(p -> p[0].getFileName() + "+" + p[1].getFileName()).toList())));
                Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
                Map<String, Integer> sizes = new LinkedHashMap<>();
                groups.put("all", r.kappa());
                sizes.put("all", r.doubleAnnotated());
                r.kappaBySplit().forEach((k, v) -> groups.put("split " + k, v));
                r.doubleAnnotatedBySplit().forEach((k, v) -> sizes.put("split " + k, v));
                r.kappaBySource().forEach((k, v) -> groups.put(k, v));
                r.doubleAnnotatedBySource().forEach(sizes::put);
                sb.append(String.format(Locale.ROOT, "%-26s %9s", "Cohen's kappa", "sentences"));
                r.kappa().keySet().forEach(k -> sb.append(String.format(Locale.ROOT, " %9s", k)));
                sb.append(System.lineSeparator());
                groups.forEach((group, kappas) -> {
                    sb.append(String.format(Locale.ROOT, "  %-24s %9d", group, sizes.get(group)));
                    kappas.values().forEach(v -> sb.append(String.format(Locale.ROOT, " %9.3f", v)));
                    sb.append(System.lineSeparator());
                });
            }
            r.warnings().stream().limit(20).forEach(w -> sb.append("warning: ").append(w).append(System.lineSeparator()));
            if (r.warnings().size() > 20) {
                sb.append("warning: ... and ").append(r.warnings().size() - 20).append(" more").append(System.lineSeparator());
            }
            r.problems().forEach(p -> sb.append("FAILED: ").append(p).append(System.lineSeparator()));
            sb.append(r.passed() ? "dataset check passed" : "dataset check FAILED: " + r.problems().size() + " problem(s)");
            System.out.println(sb);
        }
    }
}
