package org.stancekit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.bundle.BundleReader;
import org.stancekit.text.PartyLexicon;

/**
 * {@link FeatureEncoder#encode(String)}, which looks features up without building their strings,
 * against the string-building path it replaced ({@link ReferenceEncoding}): the same indices in
 * the same order, with the shipped model's encoder and with encoders that use trigrams, wide
 * context windows and a low feature cap.
 */
class FeatureEncoderEquivalenceTest {

    @Test
    void theShippedEncoderOnEverySentenceOfTheData() throws Exception {
        FeatureEncoder shipped = ((org.stancekit.model.FastModel) new BundleReader().readShipped("fast")).encoder();
        List<String> texts = texts();
        for (String text : texts) {
            assertArrayEquals(ReferenceEncoding.encode(shipped, text), shipped.encode(text), text);
        }
        assertTrue(texts.size() > 4_000);
    }

    @Test
    void otherSettingsAndGeneratedText() throws Exception {
        List<String> texts = texts();
        List<String> train = texts.subList(0, 2_000);
        List<FeatureEncoder> encoders = List.of(
                FeatureEncoder.fit(train, new FeatureSettings(3, 6, 1, 20_000, 200), PartyLexicon.loadDefault()),
                FeatureEncoder.fit(train, new FeatureSettings(3, 2, 2, 500, 8), PartyLexicon.loadDefault()),
                FeatureEncoder.fit(train, new FeatureSettings(1, 0, 1, 1_000, 16), PartyLexicon.loadDefault()),
                FeatureEncoder.fit(train, new FeatureSettings(2, 4, 2, 30_000, 400, 5), PartyLexicon.loadDefault()),
                FeatureEncoder.fit(train, new FeatureSettings(1, 0, 3, 2_000, 120, 3), PartyLexicon.loadDefault()),
                FeatureEncoder.fit(train, new FeatureSettings(2, 20, 1, 5_000, 64),
                        PartyLexicon.parse("A\tthe\nB\tof\nC\tUkraine\nD\tand\nE\tto\nF\ta\nG\tin\nH\tis\nI\tit\n"
                                + "J\tthat\nK\twas\nL\tfor\nM\ton\nN\tare\nO\twith\nP\tas\nQ\the\nR\tby\nS\tat\n", "many")));
        Random random = new Random(7);
        List<String> generated = new ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(60); k >= 0; k--) {
                String t = texts.get(random.nextInt(texts.size()));
                String[] words = t.split(" ");
                sb.append(words[random.nextInt(words.length)]).append(' ');
            }
            generated.add(sb.toString());
        }
        for (FeatureEncoder encoder : encoders) {
            for (String text : texts.subList(0, 3_000)) {
                assertArrayEquals(ReferenceEncoding.encode(encoder, text), encoder.encode(text), text);
            }
            for (String text : generated) {
                assertArrayEquals(ReferenceEncoding.encode(encoder, text), encoder.encode(text), text);
            }
        }
    }

    @Test
    void tokensThatLookLikeFeatureSyntax() {
        // Words holding the characters feature strings are built with (':', '>') must still be
        // parsed back into the right words when the vocabulary is keyed by word numbers.
        List<String> texts = List.of("Russia >> w:b b:c US>x said t:a b c > Ukraine",
                "Ukraine > Russia -> US : w: b: t: >> Europe", "US>US Russia>Russia w:w:w b:b:b", "Europe > > >");
        FeatureEncoder encoder = FeatureEncoder.fit(texts, new FeatureSettings(3, 3, 1, 1_000, 200), PartyLexicon.loadDefault());
        for (String text : texts) {
            assertArrayEquals(ReferenceEncoding.encode(encoder, text), encoder.encode(text), text);
            assertTrue(encoder.encode(text).length > 4, text); // the four markers and at least one word
        }
    }

    @Test
    void wordsOutsideAsciiPossessivesAndNumbers() {
        // The scanner lower-cases ASCII itself and leaves other scripts to the JDK (final sigma,
        // dotted capital I): the forms, and so the features, must be the same either way.
        List<String> texts = List.of("ΟΔΟΣ ΣΟΦΟΣ Οδός says İstanbul's ÄRGER and Café CAFÉ, UKRAINE'S Kyiv's 1,200.5 units",
                "Zelenskyy's UKRAINE's ΆΣΣΟΣ Straße STRASSE 2024 Ukraine's US's EU's ÉU Russia's",
                "The EU's Ursula von der Leyen and NATO's Kyiv'S İİ ıI 3.5.6 Ⅻ ½");
        FeatureEncoder encoder = FeatureEncoder.fit(texts, new FeatureSettings(3, 3, 1, 1_000, 200, 4), PartyLexicon.loadDefault());
        for (String text : texts) {
            assertArrayEquals(ReferenceEncoding.encode(encoder, text), encoder.encode(text), text);
            assertTrue(encoder.encode(text).length > 20, text);
        }
    }

    @Test
    void batchesAreTheSameArrays() throws Exception {
        FeatureEncoder shipped = ((org.stancekit.model.FastModel) new BundleReader().readShipped("fast")).encoder();
        List<String> texts = texts();
        for (int from = 0; from < 2_000; from += 250) {
            List<int[]> encoded = texts.subList(from, from + 1 + from / 10).stream().map(shipped::encode).toList();
            EncodedBatch expected = ReferenceEncoding.batch(encoded);
            EncodedBatch actual = EncodedBatch.pack(encoded);
            for (INDArray[] pair : List.of(new INDArray[] {expected.features(), actual.features()},
                    new INDArray[] {expected.mask(), actual.mask()})) {
                assertArrayEquals(pair[0].shape(), pair[1].shape());
                assertEquals(pair[0].dataType(), pair[1].dataType());
                assertEquals(pair[0].ordering(), pair[1].ordering());
                assertArrayEquals(pair[0].reshape(pair[0].length()).toFloatVector(), pair[1].reshape(pair[1].length()).toFloatVector());
            }
        }
    }

    private static List<String> texts() throws IOException, com.opencsv.exceptions.CsvValidationException {
        try (CSVReader r = new CSVReader(Files.newBufferedReader(Path.of("..", "datasets", "labelled", "sentences.csv"),
                StandardCharsets.UTF_8))) {
            String[] header = r.readNext();
            int text = List.of(header).indexOf("text");
            List<String> out = new ArrayList<>();
            for (String[] row : r) {
                out.add(row[text]);
            }
            return out;
        }
    }
}
