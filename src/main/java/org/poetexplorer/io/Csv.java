package org.poetexplorer.io;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: a header row, then one row per call of
 * {@link #row}; a field that holds a comma, a double quote or a line break is put in double
 * quotes, and its double quotes are doubled. Rows end in a line feed. Every CSV file we write
 * is made here.
 */
public final class Csv {
    private final StringBuilder text = new StringBuilder();
    private final int columns;

    public Csv(String... header) {
        columns = header.length;
        append(List.of((Object[]) header));
    }

    /**
     * One row: each value as {@link String#valueOf(Object)} writes it (so a double keeps every
     * digit), null as an empty field.
     *
     * @throws IllegalArgumentException when the row has not as many fields as the header
     */
    public Csv row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row of " + values.length + " fields under a header of " + columns);
        }
        append(java.util.Arrays.asList(values));
        return this;
    }

    private void append(List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Object v = values.get(i);
            text.append(v == null ? "" : field(String.valueOf(v)));
        }
        text.append('\n');
    }

    /** The header and the rows written so far. */
    public String text() {
        return text.toString();
    }

    /** One field: as it is, or quoted when it holds a comma, a double quote or a line break. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
