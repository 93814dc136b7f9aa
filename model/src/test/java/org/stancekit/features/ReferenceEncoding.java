package org.stancekit.features;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FeatureEncoder#encode(String)} as it was before it looked features up without building
 * their strings: the feature strings, filtered through the vocabulary, capped. The oracle the
 * faster code must match index for index.
 */
final class ReferenceEncoding {

    private ReferenceEncoding() {
    }

    static int[] encode(FeatureEncoder encoder, String sentence) {
        List<String> features = new FeatureStrings(encoder.settings(), encoder.lexicon()).of(sentence);
        int[] ids = new int[Math.min(features.size(), encoder.settings().maxFeatures())];
        int n = 0;
        for (String f : features) {
            if (n == ids.length) {
                break;
            }
            int id = encoder.vocabulary().indexOf(f);
            if (id >= 0) {
                ids[n++] = id;
            }
        }
        return n == 0 ? new int[] {Vocabulary.EMPTY} : java.util.Arrays.copyOf(ids, n);
    }

    /** {@link FeatureEncoder#batch} as it was, through {@code float[rows][width]} arrays. */
    static EncodedBatch batch(List<int[]> encoded) {
        int width = 1;
        for (int[] ids : encoded) {
            width = Math.max(width, ids.length);
        }
        float[][] features = new float[encoded.size()][width];
        float[][] mask = new float[encoded.size()][width];
        for (int r = 0; r < encoded.size(); r++) {
            int[] ids = encoded.get(r);
            for (int c = 0; c < ids.length; c++) {
                features[r][c] = ids[c];
                mask[r][c] = 1f;
            }
        }
        return new EncodedBatch(Nd4j.create(features).castTo(DataType.FLOAT), Nd4j.create(mask).castTo(DataType.FLOAT));
    }
}
