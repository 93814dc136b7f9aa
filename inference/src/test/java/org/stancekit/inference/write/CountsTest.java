package org.stancekit.inference.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void countsHaveThousandsSeparatorsAndAPluralUnlessOne() {
        assertEquals("1 article", Counts.of(1, "article"));
        assertEquals("0 articles", Counts.of(0, "article"));
        assertEquals("197,918 sentences", Counts.of(197_918, "sentence"));
        assertEquals("1,000,000 inputs", Counts.of(1_000_000, "input"));
    }
}
