package org.poetexplorer.app;

/** A message for the user: what went wrong (or happened) and where. Each one is a new object, so repeats are seen. */
record Notice(String title, String text, boolean error) {

    static Notice error(String title, String text) {
        return new Notice(title, text, true);
    }
}
