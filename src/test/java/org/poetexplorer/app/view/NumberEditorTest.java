package org.poetexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumberEditorTest {

    @Test
    void deviceFiguresShowWithAnSiPrefixAndTheirUnitNeverInENotation() {
        assertEquals("2 GFLOP/s", NumberEditor.format(2e9, "FLOP/s"));
        assertEquals("40.1158 MFLOP/J", NumberEditor.format(40115789.0, "FLOP/J"));
        assertEquals("15 us", NumberEditor.format(1.5e-5, "s"));
        assertEquals("150 mW", NumberEditor.format(0.15, "W"));
        assertEquals("4 B", NumberEditor.format(4, "B"));
        assertEquals("4096 B/s", NumberEditor.format(4096.0, "B/s"));
    }

    @Test
    void aFigureReadsWithOrWithoutItsUnitPrefixOrENotation() {
        assertEquals(3e9, NumberEditor.parse("3 GFLOP/s", "FLOP/s"));
        assertEquals(3e9, NumberEditor.parse("3G", "FLOP/s"));
        assertEquals(3e9, NumberEditor.parse("3e9", "FLOP/s"));
        assertEquals(1.5e-5, NumberEditor.parse("15 us", "s"), 1e-20);
        assertEquals(1.5e-5, NumberEditor.parse("15\u00b5", "s"), 1e-20);
        assertEquals(4, NumberEditor.parse("4 B", "B"));
        for (String shown : new String[] {NumberEditor.format(5.09561e-6, "s"), NumberEditor.format(2.45e7, "B/s")}) {
            assertEquals(shown, NumberEditor.format(NumberEditor.parse(shown, shown.endsWith("B/s") ? "B/s" : "s"),
                    shown.endsWith("B/s") ? "B/s" : "s"), "what is shown reads back as itself");
        }
        assertThrows(NumberFormatException.class, () -> NumberEditor.parse("fast", "FLOP/s"));
    }
}
