package org.stancekit.training.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stancekit.features.FeatureEncoder;
import org.stancekit.features.Vocabulary;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SparseInstance;

/**
 * A fitted encoder's features as Weka rows: one numeric attribute per vocabulary feature, 1 when
 * the sentence has it and absent (0) otherwise, then one nominal class attribute that
 * {@link #useHead} swaps from head to head. The encoder already yields each feature at most once
 * per sentence, so the binary bag and the count bag are the same thing.
 *
 * <p>The attributes are the whole encoder vocabulary, uncapped: the encoder already drops features
 * seen fewer than {@code minCount} times and keeps at most {@code maxVocabulary}, so the baselines
 * see exactly the features the network sees, and both Weka classifiers touch only a row's
 * non-zero values, so the columns (about 15,000 on the project's train split) cost little.
 */
final class FeatureTable {

    /** Name of the class attribute; no encoder feature has this form, they all carry a prefix. */
    static final String CLASS = "<class>";
    /** Vocabulary index of the first real feature: padding and the empty marker come before it. */
    private static final int FIRST_FEATURE = Vocabulary.EMPTY + 1;

    private final FeatureEncoder encoder;
    private final Instances header;
    private final int classIndex;

    /** A table over the vocabulary of a fitted encoder. */
    FeatureTable(FeatureEncoder encoder) {
        this.encoder = encoder;
        List<String> features = encoder.vocabulary().features();
        ArrayList<Attribute> attributes = new ArrayList<>(features.size() - FIRST_FEATURE + 1);
        for (int id = FIRST_FEATURE; id < features.size(); id++) {
            attributes.add(new Attribute(features.get(id)));
        }
        // A placeholder until useHead installs a head's labels.
        attributes.add(new Attribute(CLASS, List.of("?")));
        this.header = new Instances("stancekit", attributes, 0);
        this.classIndex = attributes.size() - 1;
        header.setClassIndex(classIndex);
    }

    /** Featurises sentences once; {@link #useHead} then relabels the rows for each head. */
    Instances rows(List<String> sentences) {
        Instances rows = new Instances(header, sentences.size());
        for (String sentence : sentences) {
            rows.add(row(sentence));
        }
        return rows;
    }

    private SparseInstance row(String sentence) {
        // encode() is what the network reads (features truncated at maxFeatures, unknown ones
        // dropped); EMPTY stands for "no known feature" and becomes an all-zero row here.
        int[] indices = Arrays.stream(encoder.encode(sentence))
                .filter(id -> id >= FIRST_FEATURE)
                .map(id -> id - FIRST_FEATURE)
                .sorted() // SparseInstance requires ascending indices
                .distinct()
                .toArray();
        double[] values = new double[indices.length];
        Arrays.fill(values, 1.0);
        return new SparseInstance(1.0, values, indices, header.numAttributes());
    }

    /**
     * Makes {@code rows} the data of one head: installs a class attribute with {@code classes} as
     * its values and sets each row's class to {@code labels}, or leaves it missing when
     * {@code labels} is null (rows to predict). Only the class column changes; the features stay.
     */
    void useHead(Instances rows, List<String> classes, List<String> labels) {
        rows.replaceAttributeAt(new Attribute(CLASS, classes), classIndex); // every class value now missing
        if (labels != null) {
            for (int i = 0; i < rows.numInstances(); i++) {
                rows.instance(i).setClassValue(labels.get(i));
            }
        }
    }

    /** Number of feature attributes (the class attribute not counted). */
    int features() {
        return classIndex;
    }
}
