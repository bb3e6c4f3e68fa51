package org.poetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void decimalAndBinaryUnitsAsTheCommandLineTakesThem() {
        assertEquals(1_500_000, ByteSize.parse("1.5MB"));
        assertEquals(524_288, ByteSize.parse("512KiB"));
        assertEquals(3500, ByteSize.parse("3500"));
        assertEquals(2L * 1024 * 1024 * 1024, ByteSize.parse("2 GiB"));
    }

    @Test
    void sizesThatAreNoWholePositiveNumberOfBytesAreRefusedWithTheText() {
        for (String bad : new String[] {"0", "-1MB", "1.5 parsecs", "0.5", "NaN", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void shortFormsNeverShowAThousandOfAUnit() {
        assertEquals("1.00 MB", ByteSize.format(999_999));
        assertEquals("1.00 kB", ByteSize.format(999.7));
        assertEquals("1.50 MB", ByteSize.format(1_500_000));
        assertEquals("999 kB", ByteSize.format(999_000));
        assertEquals("512 B", ByteSize.format(512));
    }
}
