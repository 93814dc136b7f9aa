package org.stancekit.inference.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    @Test
    void textIsWrappedAtWordsAndCutWithDotsAfterFourLines() {
        assertEquals(List.of("Russia shelled", "Kharkiv."), ScoreTable.wrap("Russia shelled Kharkiv.", 15));
        assertEquals(List.of("abcdefghij", "klm"), ScoreTable.wrap("abcdefghijklm", 10), "a word longer than a line is split");
        List<String> cut = ScoreTable.wrap("one two three four five six seven eight nine ten eleven", 9);
        assertEquals(ScoreTable.MAX_LINES, cut.size());
        assertTrue(cut.get(ScoreTable.MAX_LINES - 1).endsWith("...") && cut.get(ScoreTable.MAX_LINES - 1).length() <= 9, cut.toString());
    }

    @Test
    void controlAndFormattingCharactersCannotDriveTheTerminal() {
        assertEquals("Kyiv [31mred said", ScoreTable.clean("Kyiv \u001b[31mred\n\tsaid"));
        assertEquals("a b", ScoreTable.clean("a\u202e b\u200b"), "a right-to-left override and a zero-width space are dropped");
    }
}
