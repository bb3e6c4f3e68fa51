package org.poetexplorer.app.view;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.poetexplorer.app.viewmodel.BaselineViewModel;
import org.poetexplorer.app.viewmodel.SolvingViewModel;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.ScheduleComparison;
import org.poetexplorer.schedule.ScheduleComparison.Decision;

/**
 * Compare: pin the schedule on screen as a baseline, then read the next schedules against it
 * (energy, compute time and peak RAM deltas, and the nodes treated differently; a click on a
 * row selects the node). The memory chart draws the baseline's curve over the current one.
 */
public final class BaselineView extends VBox {
    private final Label deltas = new Label();
    private final TableView<Decision> decisions = new TableView<>();

    public BaselineView(BaselineViewModel vm, SolvingViewModel solving) {
        setId("baselineView");
        Button pin = new Button("Pin as baseline");
        pin.setId("pinBaseline");
        pin.setTooltip(new Tooltip("Keep the schedule on screen as the baseline; the next schedules are shown against it"));
        pin.setOnAction(e -> vm.pin());
        pin.disableProperty().bind(vm.canPinProperty().not());
        Button unpin = new Button("Unpin");
        unpin.setId("unpinBaseline");
        unpin.setOnAction(e -> vm.unpin());
        unpin.disableProperty().bind(vm.baselineProperty().isNull());
        Label description = new Label();
        description.setId("baselineDescription");
        description.textProperty().bind(vm.descriptionProperty());
        description.setWrapText(true);
        description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, pin, unpin);
        buttons.setAlignment(Pos.CENTER_LEFT);
        deltas.setId("baselineDeltas");
        deltas.setWrapText(true);
        deltas.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        decisions.setId("decisionTable");
        decisions.getColumns().add(column("#", d -> Integer.toString(d.node()), 50));
        decisions.getColumns().add(column("node", Decision::name, 200));
        decisions.getColumns().add(column("baseline", d -> d.baseline().text(), 220));
        decisions.getColumns().add(column("this schedule", d -> d.current().text(), 220));
        decisions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        decisions.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                solving.selectedNodeProperty().set(d.node());
            }
        });
        setSpacing(6);
        setPadding(new Insets(4, 6, 4, 6));
        VBox.setVgrow(decisions, Priority.ALWAYS);
        getChildren().addAll(buttons, description, deltas, decisions);
        vm.comparisonProperty().addListener((o, a, c) -> show(c));
        show(vm.comparisonProperty().get());
    }

    private void show(ScheduleComparison c) {
        deltas.setVisible(c != null);
        deltas.setManaged(c != null);
        decisions.setPlaceholder(new Label(c == null ? "Nothing compared" : "No node is treated differently"));
        if (c == null) {
            decisions.getItems().clear();
            return;
        }
        deltas.setText("This schedule against the baseline: energy " + signed(Quantities.energy(c.energyDeltaJ()),
                c.energyDeltaJ()) + " (" + Quantities.change(c.baselineEnergyJ() + c.energyDeltaJ(),
                c.baselineEnergyJ()) + "), compute time " + signed(Quantities.duration(c.runtimeDeltaS()), c.runtimeDeltaS())
                + ", peak RAM " + signed(Quantities.bytes(c.peakDeltaBytes()), c.peakDeltaBytes()) + "; "
                + switch (c.differing().size()) {
                    case 0 -> "no node";
                    case 1 -> "1 node";
                    default -> c.differing().size() + " nodes";
                } + " treated differently");
        decisions.getItems().setAll(c.differing());
    }

    /** A delta with its sign: "+1.2 mJ", "-3 ms", "same". */
    private static String signed(String formatted, double value) {
        return Math.abs(value) < 1e-12 ? "same" : value > 0 ? "+" + formatted : formatted;
    }

    private static TableColumn<Decision, String> column(String title, java.util.function.Function<Decision, String> f,
            double width) {
        TableColumn<Decision, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public TableView<Decision> decisions() {
        return decisions;
    }

    public Label deltas() {
        return deltas;
    }
}
