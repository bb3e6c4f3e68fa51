package org.poetexplorer.app.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The Help menu: the keyboard shortcuts (every menu accelerator, read from the menu bar, and the
 * keys of the charts and sliders), where the documentation is (opened when it is here), and
 * what the app is.
 */
public final class HelpMenu {
    /** Keys that are not menu accelerators. */
    private static final List<String> OTHER_KEYS = List.of(
            line("F", "Fit the timeline to the window"),
            line("Wheel / drag", "Zoom around the pointer / pan the timeline and the RAM chart"),
            line("W / S", "Zoom in / out around the pointer (timeline or RAM chart focused)"),
            line("A / D", "Pan earlier / later (timeline or RAM chart focused)"),
            line("Shift+drag / drag time axis", "Select a stretch of time and sum its operations"),
            line("Click", "Select the node of an operation or of a RAM band"),
            line("Enter / Shift+Enter", "Next / previous match of Find Node"),
            line("Esc on a chart or in Find", "Clear the selection, the stretch and the search "
                    + "(a running solve goes on; Esc elsewhere cancels it)"),
            line("?", "This list"),
            line("Arrow keys, RAM slider", "5 % of the budget (Page Up/Down: 25 %)"),
            line("Arrow keys, runtime slider", "0.05x (Page Up/Down: 0.5x)"),
            line("Esc in the RAM contents", "Close the list"));
    private static final List<String> DOCUMENTS = List.of("README.md", "docs/model.md", "docs/schedule-format.md",
            "docs/file-formats.md");

    private HelpMenu() {
    }

    /**
     * @param bar the menu bar whose accelerators the shortcuts list names
     * @param openDocument opens a file's URI in the desktop's viewer
     */
    public static Menu create(MenuBar bar, Consumer<String> openDocument) {
        MenuItem keys = FileChoosers.item("Keyboard Shortcuts", () -> showShortcuts(bar));
        MenuItem docs = FileChoosers.item("Documentation", () -> {
            Path readme = Path.of("README.md").toAbsolutePath();
            if (Files.isRegularFile(readme)) {
                openDocument.accept(readme.toUri().toString());
            }
            show(bar, "Documentation", "Documentation", documents());
        });
        MenuItem about = FileChoosers.item("About POET Explorer", () -> show(bar, "About POET Explorer",
                "POET Explorer", "Schedules the training of a neural network on a small device within a RAM and a "
                        + "runtime budget for the least energy: which activations to keep in RAM, recompute, page out "
                        + "to flash and page back in. It solves the POET mixed-integer program (Patil et al., ICML "
                        + "2022) and shows the answer as a timeline, memory over time and energy.\n\nJava "
                        + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version")));
        Menu help = new Menu("Help", null, keys, docs, new SeparatorMenuItem(), about);
        help.setId("helpMenu");
        return help;
    }

    /** Shows the list of shortcuts of {@code bar}'s window (the Help menu's and the {@code ?} key's). */
    public static void showShortcuts(MenuBar bar) {
        show(bar, "Keyboard shortcuts", "Keyboard shortcuts", shortcuts(bar));
    }

    /** One line per shortcut: every menu item with an accelerator, then the other keys. */
    public static String shortcuts(MenuBar bar) {
        List<String> lines = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m, m.getText(), lines);
        }
        lines.addAll(OTHER_KEYS);
        return String.join("\n", lines);
    }

    private static void collect(Menu menu, String path, List<String> lines) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " > " + sub.getText(), lines);
            } else if (item.getAccelerator() != null) {
                lines.add(line(item.getAccelerator().getDisplayText(), path + " > " + item.getText()));
            }
        }
    }

    /** A key and what it does, the keys in one column (the list is shown in a monospaced font). */
    private static String line(String keys, String does) {
        return String.format(java.util.Locale.ROOT, "%-28s %s", keys, does);
    }

    private static String documents() {
        StringBuilder sb = new StringBuilder("The documentation is in the project folder:\n");
        for (String d : DOCUMENTS) {
            Path p = Path.of(d).toAbsolutePath();
            sb.append('\n').append(d).append(Files.isRegularFile(p) ? "\t" + p : "\t(not in this folder)");
        }
        sb.append("\n\nREADME.md: what the app does and the command line; docs/model.md: the model; "
                + "docs/schedule-format.md and docs/file-formats.md: the files.");
        return sb.toString();
    }

    private static void show(MenuBar bar, String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        Window owner = bar.getScene() == null ? null : bar.getScene().getWindow();
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea body = new TextArea(text);
        body.setId("helpText");
        body.setStyle("-fx-font-family: monospace;");
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefColumnCount(64);
        body.setPrefRowCount(Math.min(24, (int) text.lines().count() + 1));
        alert.getDialogPane().setContent(body);
        alert.setResizable(true);
        alert.show();
    }
}
