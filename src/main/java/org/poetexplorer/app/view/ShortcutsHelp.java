package org.poetexplorer.app.view;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The list of keyboard and mouse shortcuts, shown by {@code ?} and the View menu. */
public final class ShortcutsHelp {
    /** Each shortcut with what it does. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"W / S", "zoom in / out around the pointer (timeline or RAM chart focused)"},
            new String[] {"A / D", "pan earlier / later"},
            new String[] {"Wheel, drag", "zoom around the pointer, pan"},
            new String[] {"Shift+drag, drag on the time axis", "select a stretch of time and sum its operations"},
            new String[] {"Click", "select the node of an operation or of a RAM band"},
            new String[] {"Ctrl+F", "find nodes by name; Enter / Shift+Enter: next / previous match"},
            new String[] {"Esc", "clear the selection, the stretch and the search (cancels a solve too)"},
            new String[] {"F, Ctrl+0", "fit the whole schedule"},
            new String[] {"Ctrl+= / Ctrl+-", "zoom in / out"},
            new String[] {"F5", "solve again"},
            new String[] {"?", "this list"});

    private Alert shown;

    /** Shows the list (once: a second call brings it to the front). */
    public void show(Window owner) {
        if (shown == null) {
            GridPane grid = new GridPane();
            grid.setHgap(16);
            grid.setVgap(4);
            for (int r = 0; r < SHORTCUTS.size(); r++) {
                Label keys = new Label(SHORTCUTS.get(r)[0]);
                keys.setStyle("-fx-font-weight: bold;");
                grid.addRow(r, keys, new Label(SHORTCUTS.get(r)[1]));
            }
            shown = new Alert(Alert.AlertType.INFORMATION);
            shown.initOwner(owner);
            shown.initModality(Modality.NONE);
            shown.setTitle("Keyboard shortcuts");
            shown.setHeaderText("Keyboard and mouse shortcuts");
            shown.getDialogPane().setContent(grid);
            shown.getDialogPane().setId("shortcutsHelp");
        }
        shown.show();
        ((javafx.stage.Stage) shown.getDialogPane().getScene().getWindow()).toFront();
    }

    public boolean isShowing() {
        return shown != null && shown.isShowing();
    }
}
