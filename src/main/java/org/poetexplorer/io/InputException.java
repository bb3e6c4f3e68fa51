package org.poetexplorer.io;

/**
 * Bad input from a user: a file or argument that cannot be used. The message names the
 * source (file or argument), the field and the value, in one line.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String field;

    public InputException(String source, String field, String reason) {
        super(compose(source, field, reason));
        this.source = source;
        this.field = field;
    }

    public InputException(String source, String field, String reason, Throwable cause) {
        super(compose(source, field, reason), cause);
        this.source = source;
        this.field = field;
    }

    private static String compose(String source, String field, String reason) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(reason).toString();
    }

    /** The file or argument the bad input came from. */
    public String source() {
        return source;
    }

    /** The field (JSON path or option) that is wrong, or empty when the whole source is. */
    public String field() {
        return field;
    }
}
