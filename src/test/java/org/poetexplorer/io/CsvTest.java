package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** RFC 4180: the fields a spreadsheet reads back as they were written. */
class CsvTest {
    @Test
    void plainFieldsStayAsTheyAre() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("1.25", Csv.field("1.25"));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("\"cr\rlf\"", Csv.field("cr\rlf"));
    }

    @Test
    void rowsUnderTheHeaderWithEmptyFieldsForNull() {
        String text = new Csv("name", "energyJ", "note")
                .row("conv1", 0.5, null)
                .row("a \"b\", c", 1e-7, "line\nbreak")
                .text();
        assertEquals("name,energyJ,note\n"
                + "conv1,0.5,\n"
                + "\"a \"\"b\"\", c\",1.0E-7,\"line\nbreak\"\n", text);
    }

    @Test
    void aRowMustHaveAsManyFieldsAsTheHeader() {
        assertThrows(IllegalArgumentException.class, () -> new Csv("a", "b").row("only one"));
    }
}
