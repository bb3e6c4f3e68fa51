package org.poetexplorer.app.view;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.NodeRow;
import org.poetexplorer.model.Quantities;

/** The nodes of the current schedule; its selection and the timeline's are one (the view-model's selected node). */
public final class NodeTableView extends TableView<NodeRow> {
    private boolean syncing;

    public NodeTableView(ExplorerViewModel vm) {
        setId("nodeTable");
        setTooltip(new Tooltip("Nodes of the network with how often this schedule computes and pages each. "
                + "Selecting a row highlights its operations on the timeline."));
        setPlaceholder(new javafx.scene.control.Label("No schedule"));
        getColumns().add(column("#", r -> r.index(), 50));
        getColumns().add(column("name", NodeRow::name, 190));
        getColumns().add(column("type", NodeRow::type, 120));
        TableColumn<NodeRow, Long> bytes = column("bytes", NodeRow::bytes, 90);
        bytes.setCellFactory(c -> new FormattedCell<>(Quantities::bytes));
        getColumns().add(bytes);
        TableColumn<NodeRow, Double> energy = column("compute energy", NodeRow::computeJ, 110);
        energy.setCellFactory(c -> new FormattedCell<>(Quantities::energy));
        getColumns().add(energy);
        getColumns().add(column("times computed", NodeRow::timesComputed, 105));
        getColumns().add(column("times paged", NodeRow::timesPaged, 90));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        vm.solving().shownProperty().addListener((o, a, s) -> {
            syncing = true;
            try {
                if (s == null || !s.hasSchedule()) {
                    getItems().clear();
                } else {
                    getItems().setAll(s.rows());
                    select(vm.solving().selectedNodeProperty().get());
                }
            } finally {
                syncing = false;
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncing) {
                vm.solving().selectedNodeProperty().set(row == null ? -1 : row.index());
            }
        });
        vm.solving().selectedNodeProperty().addListener((o, a, b) -> {
            syncing = true;
            try {
                select(b.intValue());
            } finally {
                syncing = false;
            }
        });
    }

    private void select(int node) {
        if (node < 0 || node >= getItems().size()) {
            getSelectionModel().clearSelection();
            return;
        }
        getSelectionModel().select(node);
        scrollTo(Math.max(0, node - 3));
    }

    private static <T> TableColumn<NodeRow, T> column(String title, Function<NodeRow, T> value, double width) {
        TableColumn<NodeRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static final class FormattedCell<T extends Number> extends javafx.scene.control.TableCell<NodeRow, T> {
        private final Function<Double, String> format;

        FormattedCell(Function<Double, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item.doubleValue()));
        }
    }
}
