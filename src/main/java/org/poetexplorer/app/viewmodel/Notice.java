package org.poetexplorer.app.viewmodel;

/** A message for the user: what went wrong (or happened) and where. Each one is a new object, so repeats are seen. */
public record Notice(String title, String text, boolean error) {

    public static Notice error(String title, String text) {
        return new Notice(title, text, true);
    }

    public static Notice info(String title, String text) {
        return new Notice(title, text, false);
    }
}
