package org.poetexplorer.app;

import java.nio.file.Path;

/** An entry of the network picker: a catalog network or a network file. */
record NetworkChoice(String catalogName, Path file) {

    static NetworkChoice catalog(String name) {
        return new NetworkChoice(name, null);
    }

    static NetworkChoice file(Path file) {
        return new NetworkChoice(null, file);
    }

    boolean isFile() {
        return file != null;
    }

    @Override
    public String toString() {
        return isFile() ? file.getFileName() + "  (file)" : catalogName;
    }
}
