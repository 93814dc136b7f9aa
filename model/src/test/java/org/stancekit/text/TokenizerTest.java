package org.stancekit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
    void locateGivesTheTokensOfTokenizeWithTheirSpansInTheNormalisedText() {
        String sentence = "“Kyiv’s” top general met U.S. officials, 143,000 of them!";
        Tokenizer.Located located = tokenizer.locate(sentence);
        assertEquals(Normalizer.normalize(sentence), located.text());
        assertEquals(tokenizer.tokenize(sentence), located.tokens());
        assertEquals(located.tokens().size(), located.spans().size());
        for (int i = 0; i < located.tokens().size(); i++) {
            String surface = located.text().substring(located.spans().get(i)[0], located.spans().get(i)[1]);
            assertEquals(surface.equalsIgnoreCase("'s") ? "'s" : surface, located.tokens().get(i).surface(), "token " + i);
        }
        assertEquals("Kyiv", located.text().substring(located.spans().get(1)[0], located.spans().get(1)[1]));
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
    void theLexiconOverWordNumbersFindsTheSameMentions() {
        // Overlapping aliases that share first words: the longest must win, and no mention may overlap another.
        PartyLexicon lexicon = PartyLexicon.parse("A\tthe White House\nB\tWhite House\nB\tthe White\nC\tWhite\n"
                + "D\tHouse of Commons\nD\tHouse\nA\tUS\n", "test");
        List<String> words = new ArrayList<>(lexicon.forms());
        List<String> parties = List.of("A", "B", "C", "D");
        PartyLexicon.NumberedMatcher numbered = lexicon.numbered(words::indexOf, parties);
        for (String text : List.of("The White House said the White the House of Commons House White White House",
                "the white house house of commons of the US White", "us US the", "", "White", "the")) {
            List<Token> tokens = tokenizer.tokenize(text);
            int[] numbers = tokens.stream().mapToInt(t -> words.indexOf(t.form())).toArray();
            int[] party = new int[numbers.length];
            int[] start = new int[numbers.length];
            int[] end = new int[numbers.length];
            int found = numbered.find(numbers, numbers.length, party, start, end);
            List<Mention> expected = lexicon.find(tokens);
            List<Mention> actual = new ArrayList<>();
            for (int k = 0; k < found; k++) {
                actual.add(new Mention(parties.get(party[k]), start[k], end[k]));
            }
            assertEquals(expected, actual, text);
        }
        assertEquals(3, lexicon.find(tokenizer.tokenize("The White House said the White the House of Commons")).size());
    }

    @Test
    void aMalformedLexiconLineIsReportedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartyLexicon.parse("US\tWashington\nRUSSIA Moscow\n", "my.tsv"));
        assertTrue(e.getMessage().startsWith("my.tsv:2:"), e.getMessage());
    }
}
