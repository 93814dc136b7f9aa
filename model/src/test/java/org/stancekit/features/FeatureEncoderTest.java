package org.stancekit.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stancekit.text.PartyLexicon;

class FeatureEncoderTest {

    private static final List<String> TRAIN = List.of(
            "Russia launched sanctions against Ukraine.",
            "Ukraine welcomed sanctions against Russia.",
            "The weather was mild.");

    private final FeatureEncoder encoder = FeatureEncoder.fit(TRAIN, new FeatureSettings(2, 2, 1, 1000, 64),
            PartyLexicon.loadDefault());

    @Test
    void theSameWordGetsADifferentFeaturePerNearbyParty() {
        List<String> f = new FeatureStrings(encoder.settings(), encoder.lexicon()).of("Russia launched sanctions against Ukraine.");
        assertTrue(f.contains("@RUSSIA") && f.contains("@UKRAINE") && f.contains("!US") && f.contains("!EUROPE"), f.toString());
        assertTrue(f.contains("RUSSIA>launched"), f.toString());
        assertTrue(f.contains("UKRAINE>against"), f.toString());
        assertFalse(f.contains("RUSSIA>against"), "outside the window of 2: " + f);
        assertTrue(f.contains("w:sanctions") && f.contains("b:sanctions against"), f.toString());
    }

    @Test
    void encodingIsDeterministicAndUnknownTextFallsBackToTheEmptyIndex() {
        assertArrayEquals(encoder.encode(TRAIN.get(0)), encoder.encode(TRAIN.get(0)));
        // With lexicon parties a sentence always has its party markers; without any, unseen words leave nothing.
        FeatureEncoder noParties = FeatureEncoder.fit(TRAIN, new FeatureSettings(1, 0, 1, 1000, 64),
                PartyLexicon.parse("# no parties\n", "test"));
        assertArrayEquals(new int[] {Vocabulary.EMPTY}, noParties.encode("Completely unseen vocabulary"));
    }

    @Test
    void batchesArePaddedAndMasked() {
        EncodedBatch batch = encoder.encode(List.of("Russia.", "Russia launched sanctions against Ukraine."));
        assertEquals(2, batch.features().size(0));
        long width = batch.features().size(1);
        assertEquals(encoder.encode("Russia launched sanctions against Ukraine.").length, width);
        int shortLength = encoder.encode("Russia.").length;
        assertEquals(shortLength, batch.mask().getRow(0).sumNumber().intValue());
        assertEquals(0f, batch.features().getFloat(0, width - 1));
    }

    @Test
    void longSentencesAreCappedAtMaxFeatures() {
        FeatureEncoder small = FeatureEncoder.fit(TRAIN, new FeatureSettings(2, 2, 1, 1000, 8), PartyLexicon.loadDefault());
        assertEquals(8, small.encode(TRAIN.get(0)).length);
    }

    @Test
    void characterNgramsOfAWordWithItsEndsMarked() {
        assertEquals(List.of("c:<us", "c:us>", "c:<us>"), FeatureStrings.charNgrams("us", 4));
        assertEquals(List.of(), FeatureStrings.charNgrams("us", 0));
        assertEquals(List.of("c:<wa", "c:war", "c:ar>"), FeatureStrings.charNgrams("war", 3));
    }
}
