package org.poetexplorer.app.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.poetexplorer.app.viewmodel.NodeSearchViewModel;
import org.poetexplorer.app.viewmodel.SolvingViewModel;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.solver.SolveResult;

/**
 * The search over node names above the timeline: matches are outlined on the timeline; Enter and
 * the arrows step to the next or previous match (Shift+Enter: previous), select it and bring it
 * into view; Esc ends the search.
 */
public final class SearchBar extends HBox {
    private final TextField field = new TextField();
    private final Label count = new Label();

    public SearchBar(NodeSearchViewModel search, SolvingViewModel solving, TimeNavigation navigation) {
        super(4);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        field.setId("searchField");
        field.setPromptText("Find node (Ctrl+F)");
        field.setPrefColumnCount(14);
        field.setTooltip(new Tooltip("Outlines the operations of the nodes whose name contains this text. "
                + "Enter: next match, Shift+Enter: previous, Esc: end the search."));
        field.textProperty().bindBidirectional(search.queryProperty());
        Button previous = new Button("\u2191");
        previous.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        Button next = new Button("\u2193");
        next.setTooltip(new Tooltip("Next match (Enter)"));
        count.setId("searchCount");
        count.getStyleClass().add("muted");
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable reveal = () -> reveal(solving, navigation);
        previous.setOnAction(e -> {
            search.previous();
            reveal.run();
        });
        next.setOnAction(e -> {
            search.next();
            reveal.run();
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    search.previous();
                } else {
                    search.next();
                }
                reveal.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                navigation.clear();
                e.consume();
            }
        });
        Runnable counted = () -> count.setText(search.queryProperty().get().isBlank() ? ""
                : search.matchCount() == 0 ? "no match"
                        : (search.currentProperty().get() < 0 ? "" : (search.currentProperty().get() + 1) + " of ")
                                + search.matchCount());
        search.matchesProperty().addListener((o, a, b) -> counted.run());
        search.currentProperty().addListener((o, a, b) -> counted.run());
        search.queryProperty().addListener((o, a, b) -> counted.run());
        navigation.onClear(search::clear);
        getChildren().addAll(field, previous, next, count);
    }

    /** Puts the cursor in the search field. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    private static void reveal(SolvingViewModel solving, TimeNavigation navigation) {
        SolveResult r = solving.resultProperty().get();
        int node = solving.selectedNodeProperty().get();
        if (r == null || !r.hasSchedule() || node < 0) {
            return;
        }
        for (Operation op : r.schedule().ops()) {
            if (op.node() == node && !op.kind().equals(org.poetexplorer.schedule.OpKind.FREE)) {
                navigation.reveal(op.startS(), op.endS());
                return;
            }
        }
    }
}
