package org.poetexplorer.app.viewmodel;

import java.io.IOException;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.InputLimits;

/** A message for the user: what went wrong (or happened) and where. Each one is a new object, so repeats are seen. */
public record Notice(String title, String text, boolean error) {

    public static Notice error(String title, String text) {
        return new Notice(title, text, true);
    }

    public static Notice info(String title, String text) {
        return new Notice(title, text, false);
    }

    /**
     * Why background work failed, in one line: the message of bad input as it is, running out of
     * memory as what to do about it, anything else with its kind.
     */
    public static String reason(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return InputLimits.outOfMemory();
        }
        if (t instanceof InputException || t instanceof IllegalArgumentException || t instanceof IOException) {
            return t.getMessage() == null ? t.toString() : t.getMessage();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
