package org.poetexplorer.app.view;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The file dialogs and menu items of the window's commands: one way to ask for a file, one way to make an item. */
public final class FileChoosers {
    private FileChoosers() {
    }

    /** A menu item running {@code action}, with {@code key} as its accelerator when not null. */
    public static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    public static MenuItem item(String text, Runnable action) {
        return item(text, null, action);
    }

    /** Asks for a file to write; null when the user cancels. */
    public static Path save(Window owner, String title, String name, File folder, String filterName,
            String... patterns) {
        FileChooser fc = chooser(title, folder, filterName, patterns);
        fc.setInitialFileName(name);
        return path(fc.showSaveDialog(owner));
    }

    /** Asks for a file to read; null when the user cancels. Every file may also be chosen. */
    public static Path open(Window owner, String title, File folder, String filterName, String... patterns) {
        FileChooser fc = chooser(title, folder, filterName, patterns);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return path(fc.showOpenDialog(owner));
    }

    private static FileChooser chooser(String title, File folder, String filterName, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
        if (folder != null) {
            fc.setInitialDirectory(folder);
        }
        return fc;
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }
}
