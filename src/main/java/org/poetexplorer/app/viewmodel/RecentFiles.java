package org.poetexplorer.app.viewmodel;

import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The network and device files opened lately, newest first (at most ten); the application keeps them between runs. */
public final class RecentFiles {
    private static final int MAX = 10;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    void remember(Path file) {
        files.remove(file);
        files.add(0, file);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** The folder of the newest file, where a file chooser starts; null when there is none. */
    public java.io.File folder() {
        if (files.isEmpty() || files.get(0).getParent() == null) {
            return null;
        }
        java.io.File dir = files.get(0).getParent().toFile();
        return dir.isDirectory() ? dir : null;
    }
}
