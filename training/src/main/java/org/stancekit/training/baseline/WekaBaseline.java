package org.stancekit.training.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stancekit.domain.LabelledSentence;
import org.stancekit.domain.Labels;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.features.FeatureSettings;
import org.stancekit.text.PartyLexicon;
import weka.classifiers.Classifier;
import weka.classifiers.bayes.NaiveBayesMultinomial;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * One Weka classifier per head over the network's own features: the encoder is fitted on the
 * training sentences exactly as the trainer fits it, and its features become sparse binary rows
 * (see {@link FeatureTable}). The rows are built once per fit and relabelled for each head.
 *
 * <p>A head with a single label in the training sentences predicts that label without a
 * classifier, since there is nothing to separate.
 */
public final class WekaBaseline implements Baseline {

    /** Name of the multinomial naive Bayes baseline. */
    public static final String NAIVE_BAYES = "weka_nb";
    /** Name of the linear SVM baseline. */
    public static final String LINEAR_SVM = "weka_svm";

    /** SMO's complexity constant; see {@link #linearSvm}. */
    private static final double SVM_C = 0.05;
    /** Kernel cache entries, a prime as Weka asks; see {@link #linearSvm}. */
    private static final int SVM_KERNEL_CACHE = 1_000_003;

    /**
     * Weka's package manager, loaded with the first classifier, probes for netlib's native
     * libraries, and netlib logs a console warning through java.util.logging for each one it
     * lacks. The baselines need none of them. The field keeps a strong reference because
     * java.util.logging forgets the level of a logger nobody holds.
     */
    private static final Logger NETLIB_LOG = Logger.getLogger("com.github.fommil.netlib");

    static {
        NETLIB_LOG.setLevel(Level.SEVERE);
    }

    /** What one head learned; {@code classifier} is null for a head with a single label. */
    private record Head(List<String> classes, Classifier classifier, String fallback) {
    }

    /** The state of the last fit. */
    private record Fitted(FeatureTable table, List<Head> heads) {
    }

    private final String name;
    private final Supplier<? extends Classifier> classifiers;
    private final FeatureSettings settings;
    private final PartyLexicon lexicon;
    private Fitted fitted;

    /**
     * @param name name in reports
     * @param classifiers makes a fresh, configured, untrained classifier; called once per head.
     *                    The classifier must not keep a reference to the training
     *                    {@link Instances} (naive Bayes and SMO copy what they keep), because
     *                    the next head relabels them.
     * @param settings featurisation, as in the trainer's configuration
     * @param lexicon party lexicon, as given to the trainer
     */
    public WekaBaseline(String name, Supplier<? extends Classifier> classifiers, FeatureSettings settings,
                        PartyLexicon lexicon) {
        this.name = Objects.requireNonNull(name, "name");
        this.classifiers = Objects.requireNonNull(classifiers, "classifiers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** {@value #NAIVE_BAYES}: multinomial naive Bayes, default features and lexicon. */
    public static WekaBaseline naiveBayes() {
        return new WekaBaseline(NAIVE_BAYES, NaiveBayesMultinomial::new, FeatureSettings.DEFAULT,
                PartyLexicon.loadDefault());
    }

    /**
     * {@value #LINEAR_SVM}: Weka's SMO with a linear kernel. SMO handles the three- and four-class
     * heads itself (one-vs-one) and solves each pair to a tolerance, so it needs no epochs or
     * learning rate. Weka's SGD with hinge loss was the alternative: it is binary only (one-vs-rest
     * wrapper needed) and decays all ~15,000 weights on every update; with 10 to 20 epochs it
     * scored 0.03 to 0.04 lower mean stance macro-F1 than SMO in a similar time.
     *
     * <p>C = 0.05 rather than Weka's 1: rows are unnormalised 0/1 bags of about 40 features, for
     * which C = 1 regularises weakly and took SMO nearly twice as long to converge; 0.05 scored best
     * on the dev split, for stance and sentiment, among 1, 0.3, 0.1, 0.05 and 0.02. A bounded
     * kernel cache of about a million entries (16 MB) avoids both the thrashing of the default
     * 250,007 entries and a full cache that grows with the square of the training set.
     *
     * @param seed SMO's random seed (it only draws numbers for calibration models, which are off,
     *             but it is set explicitly so that a fit never depends on a default)
     */
    public static WekaBaseline linearSvm(long seed) {
        return new WekaBaseline(LINEAR_SVM, () -> linearSmo(seed), FeatureSettings.DEFAULT, PartyLexicon.loadDefault());
    }

    private static SMO linearSmo(long seed) {
        PolyKernel linear = new PolyKernel();
        linear.setExponent(1.0);
        linear.setCacheSize(SVM_KERNEL_CACHE);
        SMO smo = new SMO();
        smo.setKernel(linear);
        smo.setC(SVM_C);
        // The features are already 0/1; normalising would only add work on sparse rows.
        smo.setFilterType(new SelectedTag(SMO.FILTER_NONE, SMO.TAGS_FILTER));
        smo.setRandomSeed(Long.hashCode(seed));
        return smo;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(List<LabelledSentence> train) {
        int heads = Heads.count(train);
        List<String> texts = train.stream().map(LabelledSentence::text).toList();
        FeatureTable table = new FeatureTable(FeatureEncoder.fit(texts, settings, lexicon));
        Instances rows = table.rows(texts);
        List<Head> fittedHeads = new ArrayList<>(heads);
        for (int h = 0; h < heads; h++) {
            fittedHeads.add(fitHead(table, rows, Heads.column(train, h), h));
        }
        fitted = new Fitted(table, List.copyOf(fittedHeads));
    }

    private Head fitHead(FeatureTable table, Instances rows, List<String> labels, int head) {
        List<String> classes = List.copyOf(Heads.counts(labels).keySet());
        String majority = Heads.majority(labels);
        if (classes.size() == 1) {
            return new Head(classes, null, majority);
        }
        table.useHead(rows, classes, labels);
        Classifier classifier = classifiers.get();
        try {
            classifier.buildClassifier(rows);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": could not fit head " + head + ": " + e.getMessage(), e);
        }
        return new Head(classes, classifier, majority);
    }

    @Override
    public List<Labels> predict(List<String> sentences) {
        Fitted f = fitted;
        if (f == null) {
            throw new IllegalStateException(name + ": predict before fit");
        }
        Instances rows = f.table().rows(sentences);
        String[][] byHead = new String[f.heads().size()][];
        for (int h = 0; h < byHead.length; h++) {
            byHead[h] = predictHead(f.table(), rows, f.heads().get(h), h);
        }
        return Heads.assemble(byHead);
    }

    private String[] predictHead(FeatureTable table, Instances rows, Head head, int index) {
        String[] out = new String[rows.numInstances()];
        if (head.classifier() == null) {
            Arrays.fill(out, head.fallback());
            return out;
        }
        table.useHead(rows, head.classes(), null);
        for (int i = 0; i < out.length; i++) {
            double k;
            try {
                k = head.classifier().classifyInstance(rows.instance(i));
            } catch (Exception e) {
                throw new IllegalStateException(name + ": could not predict head " + index + ": " + e.getMessage(), e);
            }
            // Weka answers "missing" when no class has any probability; the majority label is the
            // neutral guess then.
            out[i] = Utils.isMissingValue(k) ? head.fallback() : head.classes().get((int) k);
        }
        return out;
    }
}
