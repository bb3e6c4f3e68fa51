package org.poetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void decimalAndBinaryUnitsAsTheCommandLineTakesThem() {
        assertEquals(1_500_000, Quantities.parseBytes("1.5MB"));
        assertEquals(524_288, Quantities.parseBytes("512KiB"));
        assertEquals(3500, Quantities.parseBytes("3500"));
        assertEquals(2L * 1024 * 1024 * 1024, Quantities.parseBytes("2 GiB"));
    }

    @Test
    void sizesThatAreNoWholePositiveNumberOfBytesAreRefusedWithTheText() {
        for (String bad : new String[] {"0", "-1MB", "1.5 parsecs", "0.5", "NaN", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantities.parseBytes(bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void shortFormsNeverShowAThousandOfAUnit() {
        assertEquals("1.00 MB", Quantities.bytes(999_999));
        assertEquals("1.00 kB", Quantities.bytes(999.7));
        assertEquals("1.50 MB", Quantities.bytes(1_500_000));
        assertEquals("999 kB", Quantities.bytes(999_000));
        assertEquals("512 B", Quantities.bytes(512));
    }

    @Test
    void timesAndEnergiesReadAsPeopleWriteThem() {
        assertEquals("158.2 ms", Quantities.duration(0.1582));
        assertEquals("12 µs", Quantities.duration(12e-6));
        assertEquals("1.5 s", Quantities.duration(1.5));
        assertEquals("0 s", Quantities.duration(0));
        assertEquals("7.89 J", Quantities.energy(7.89));
        assertEquals("408.4 µJ", Quantities.energy(408.4e-6));
    }

    @Test
    void exactFormsKeepTheirSignificantDigits() {
        assertEquals("3,500 B (3.50 kB)", Quantities.exactBytes(3500));
        assertEquals("999 B", Quantities.exactBytes(999));
        assertEquals("0.1582 s", Quantities.exactSeconds(0.15818));
        assertEquals("12350 s", Quantities.exactSeconds(12345.6));
        assertEquals("0.00001235 s", Quantities.exactSeconds(1.2345e-5));
        assertEquals("0.059341202", Quantities.digits(0.059341202, 8));
        assertEquals("0.104858 J", Quantities.exactJoules(0.10485774));
        assertEquals("25530.123456789 J", Quantities.allDigitsJoules(25_530.123456789));
        assertEquals("0.00001 J", Quantities.allDigitsJoules(1e-5));
        assertEquals("12345678 J", Quantities.allDigitsJoules(12_345_678));
    }

    @Test
    void ratiosAndPercentagesWithoutTrailingZeros() {
        assertEquals("1.5x", Quantities.ratio(1.5));
        assertEquals("2x", Quantities.ratio(2));
        assertEquals("1.23 %", Quantities.percent(0.0123));
        assertEquals("+25.00 %", Quantities.change(1.25, 1));
        assertEquals("same", Quantities.change(0, 0));
        assertEquals("4000000000", Quantities.number(4e9));
        assertEquals("0.00001234", Quantities.number(1.2341e-5));
    }

    @Test
    void largeAndTinyEnergiesTakeAUnitPrefixNotAnExponent() {
        assertEquals("25.53 kJ", Quantities.energy(25_530.4));
        assertEquals("26 kJ", Quantities.energy(26_000));
        assertEquals("1 kJ", Quantities.energy(999.96));
        assertEquals("999.9 J", Quantities.energy(999.94));
        assertEquals("-25.53 kJ", Quantities.energy(-25_530.4));
        assertEquals("3.2 MJ", Quantities.energy(3.2e6));
        assertEquals("12.5 mJ", Quantities.energy(0.0125));
        assertEquals("40 nJ", Quantities.energy(4e-8));
        assertEquals("0 J", Quantities.energy(0));
        assertEquals("4000 EJ", Quantities.energy(4e21));
        assertEquals("< 0.001 nJ", Quantities.energy(1e-14));
        assertEquals("2.5 GFLOP/s", Quantities.withPrefix(2.5e9, "FLOP/s"));
    }

    @Test
    void percentagesBelowTheShownPrecisionReadAsLessThanIt() {
        assertEquals("< 0.001 %", Quantities.percent(4.494e-7));
        assertEquals("0 %", Quantities.percent(0));
        assertEquals("0.001 %", Quantities.percent(1e-5));
        assertEquals("0.012 %", Quantities.percent(1.242e-4));
        assertEquals("100 %", Quantities.percent(1));
        assertEquals("150000 %", Quantities.percent(1500));
    }

    @Test
    void noShortFormWritesAnExponentAtExtremeValues() {
        assertEquals("9.22 EB", Quantities.bytes(Long.MAX_VALUE));
        assertEquals("2.50 TB", Quantities.bytes(2.5e12));
        assertEquals("1.00 TB", Quantities.bytes(999.6e9));
        assertEquals("86400 s", Quantities.duration(86_400));
        assertEquals("0.5 ns", Quantities.duration(5e-10));
        assertEquals("< 0.001 ns", Quantities.duration(1e-13));
        assertEquals("100000x", Quantities.ratio(1e5));
        for (double v : new double[] {1e-300, 1e-12, 3e-7, 7e4, 2.5e9, 1e15, 9e18}) {
            for (String s : new String[] {Quantities.energy(v), Quantities.duration(v), Quantities.bytes(v),
                    Quantities.percent(v), Quantities.ratio(v), Quantities.number(v)}) {
                assertTrue(!s.matches(".*\\d[eE][+-]?\\d.*"), s);
            }
        }
    }

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        assertEquals(1e-3, Quantities.parseSeconds("1ms"), 1e-18);
        assertEquals(2.5e-6, Quantities.parseSeconds("2.5 us"), 1e-20);
        assertEquals(2.5e-6, Quantities.parseSeconds("2.5µs"), 1e-20);
        assertEquals(1e-3, Quantities.parseSeconds("1e-3"), 1e-18);
        assertEquals(30, Quantities.parseSeconds("0.5min"), 1e-12);
        for (String bad : new String[] {"0ms", "-1s", "fast", "3 parsecs"}) {
            assertThrows(IllegalArgumentException.class, () -> Quantities.parseSeconds(bad), bad);
        }
    }
}
