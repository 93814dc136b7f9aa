package org.stancekit.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CohenKappaTest {

    @Test
    void matchesAHandComputedExample() {
        // 10 items: agree on 7 (po = 0.7). A: 5 X, 5 Y; B: 6 X, 4 Y -> pe = 0.5*0.6 + 0.5*0.4 = 0.5 -> kappa 0.4
        List<String> a = List.of("X", "X", "X", "X", "X", "Y", "Y", "Y", "Y", "Y");
        List<String> b = List.of("X", "X", "X", "X", "Y", "X", "X", "Y", "Y", "Y");
        assertEquals(0.4, CohenKappa.of(a, b), 1e-12);
    }

    @Test
    void perfectAgreementIsOneAndSystematicDisagreementIsNegative() {
        assertEquals(1.0, CohenKappa.of(List.of("A", "B"), List.of("A", "B")), 1e-12);
        assertEquals(1.0, CohenKappa.of(List.of("A", "A"), List.of("A", "A")), 1e-12);
        assertEquals(-1.0, CohenKappa.of(List.of("A", "B"), List.of("B", "A")), 1e-12);
    }
}
