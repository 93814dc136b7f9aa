package org.stancekit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    private List<String> forms(String s) {
        return tokenizer.tokenize(s).stream().map(Token::form).toList();
    }

    @Test
    void lowerCasesWordsKeepsAcronymsAndSplitsPossessives() {
        assertEquals(List.of("kyiv", "'s", "top", "general", "met", "US", "and", "EU", "officials"),
                forms("Kyiv’s top general met U.S. and EU officials."));
    }

    @Test
    void thePronounUsIsNotTheAcronymUs() {
        assertEquals(List.of("they", "told", "us", "the", "US", "will", "help", "!"),
                forms("They told us the US will help!"));
    }

    @Test
    void numbersHyphensQuotesAndContractions() {
        assertEquals(List.of("about", "<num>", "soldiers", "nine-mile-long", "<num>", "\"", "grateful", "\"", "don't"),
                forms("About 100 soldiers nine-mile-long 143,000 “grateful” don't"));
    }

    @Test
    void normalizerFoldsQuotesDashesAndInitialisms() {
        assertEquals("\"It's the U.K.\" - US", Normalizer.normalize("“It’s the U.K.” — U.S.").replace("UK", "U.K."));
        assertEquals("EU and UK", Normalizer.normalize("E.U. and U.K."));
    }

    @Test
    void lexiconFindsAliasesLongestFirstAndIgnoresThePronoun() {
        PartyLexicon lexicon = PartyLexicon.loadDefault();
        List<Token> tokens = tokenizer.tokenize("The White House told us that the Kremlin, Kyiv, Zelenskyy and Starmer agree.");
        List<Mention> mentions = lexicon.find(tokens);
        assertEquals(List.of("US", "RUSSIA", "UKRAINE", "UKRAINE", "EUROPE"), mentions.stream().map(Mention::party).toList());
        assertEquals(2, mentions.get(0).end() - mentions.get(0).start(), "White House is one two-token mention");
        assertTrue(lexicon.find(tokenizer.tokenize("Give us a break.")).isEmpty());
    }

    @Test
    void aMalformedLexiconLineIsReportedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartyLexicon.parse("US\tWashington\nRUSSIA Moscow\n", "my.tsv"));
        assertTrue(e.getMessage().startsWith("my.tsv:2:"), e.getMessage());
    }
}
