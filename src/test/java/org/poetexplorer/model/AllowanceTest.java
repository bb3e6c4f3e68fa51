package org.poetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one rule for a runtime budget typed by a person, as the command line, the app and sessions take it. */
class AllowanceTest {
    @Test
    void aRatioIsWrittenWithOrWithoutItsX() {
        assertEquals(1.5, Allowance.parseRuntimeRatio("1.5"));
        assertEquals(1.5, Allowance.parseRuntimeRatio("1.5x"));
        assertEquals(2, Allowance.parseRuntimeRatio(" 2 X "));
        assertEquals(1, Allowance.parseRuntimeRatio("1"));
        assertEquals(12.5, Allowance.parseRuntimeRatio("12.5x"), "no upper limit");
    }

    @Test
    void lessThanOnePlainStepOrNoNumberIsRefusedWithTheText() {
        for (String bad : new String[] {"0.99", "0", "-1.5", "1e999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Allowance.parseRuntimeRatio(bad));
            assertTrue(e.getMessage().contains("at least 1") && e.getMessage().contains("(was " + bad + ")"),
                    e.getMessage());
        }
        for (String bad : new String[] {"fast", "NaN", "1.5xx", "x", "", "1.5d"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Allowance.parseRuntimeRatio(bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void aStoredRatioFollowsTheSameRule() {
        assertEquals(1.25, Allowance.requireRuntimeRatio(1.25));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Allowance.requireRuntimeRatio(0.5));
        assertTrue(e.getMessage().contains("(was 0.5)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Allowance.requireRuntimeRatio(Double.NaN));
    }
}
