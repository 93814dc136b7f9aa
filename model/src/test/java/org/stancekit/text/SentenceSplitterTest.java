package org.stancekit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void titlesAndInitialismsDoNotEndSentences() {
        assertEquals(List.of(
                "Mr. Trump met Gen. Syrskyi and Dr. Smith in the U.S. capital on Monday.",
                "The talks went well."),
                splitter.split("Mr. Trump met Gen. Syrskyi and Dr. Smith in the U.S. capital on Monday. The talks went well."));
        assertEquals(List.of("George W. Bush spoke on Dec. 19 about No. 10 Downing Street."),
                splitter.split("George W. Bush spoke on Dec. 19 about No. 10 Downing Street."));
    }

    @Test
    void anInitialismBeforeASentenceStarterEndsTheSentence() {
        assertEquals(List.of("Sanctions came from the U.S.", "The EU followed."),
                splitter.split("Sanctions came from the U.S. The EU followed."));
    }

    @Test
    void quotesThatCloseAfterTheFullStopStayWithTheirSentence() {
        // From the Guardian seed article: a quote spanning sentences after "a post on X."
        String paragraph = "Zelenskyy has also sent his foreign and defence ministers to Jeddah for the talks. "
                + "“On our side, we are fully committed to constructive dialogue,” he said in a post on X. "
                + "“Realistic proposals are on the table. The key is to move quickly and effectively.”";
        assertEquals(List.of(
                "Zelenskyy has also sent his foreign and defence ministers to Jeddah for the talks.",
                "“On our side, we are fully committed to constructive dialogue,” he said in a post on X.",
                "“Realistic proposals are on the table.",
                "The key is to move quickly and effectively.”"), splitter.split(paragraph));
    }

    @Test
    void aQuestionInsideAQuoteFollowedByLowerCaseDoesNotSplit() {
        assertEquals(List.of("“Are you ready?” he asked the minister."),
                splitter.split("“Are you ready?” he asked the minister."));
    }

    @Test
    void dashesAndParenthesisedFiguresStayInside() {
        String paragraph = "Russian forces – emboldened after Ukraine lost support from its biggest backer – have seized the moment. "
                + "About 100 Russian soldiers spent four days crawling through the nine-mile-long (15km) pipeline that leads to Sudzha’s outskirts.";
        assertEquals(List.of(
                "Russian forces – emboldened after Ukraine lost support from its biggest backer – have seized the moment.",
                "About 100 Russian soldiers spent four days crawling through the nine-mile-long (15km) pipeline that leads to Sudzha’s outskirts."),
                splitter.split(paragraph));
    }

    @Test
    void aDashAfterAFullStopStartsANewSentenceAndIsDropped() {
        assertEquals(List.of("Moscow has given no public indication it would accept any truce.",
                        "This article originally appeared in The New York Times."),
                splitter.split("Moscow has given no public indication it would accept any truce. - This article originally appeared in The New York Times."));
    }

    @Test
    void everyLineIsAParagraphAndBlankLinesAreSkipped() {
        String text = "Mr Witkoff said: “I am really hopeful. All the signs are very, very positive.” Intelligence sharing will be discussed.\n"
                + "\n"
                + "  He’s apologised. He’s said he’s grateful.  \r\n"
                + "A headline without a full stop\n";
        assertEquals(List.of(
                "Mr Witkoff said: “I am really hopeful.",
                "All the signs are very, very positive.”",
                "Intelligence sharing will be discussed.",
                "He’s apologised.",
                "He’s said he’s grateful.",
                "A headline without a full stop"), splitter.split(text));
    }

    @Test
    void noSentenceCrossesALineEvenWithoutPunctuation() {
        assertEquals(List.of("first line", "second line."), splitter.split("first line\nsecond line."));
    }
}
