package org.poetexplorer.app.view;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.NodeRow;
import org.poetexplorer.app.viewmodel.ShownSchedule;
import org.poetexplorer.model.Quantities;

/**
 * The nodes of the current schedule; its selection and the timeline's are one (the view-model's
 * selected node). A schedule's rows reach the table only while it is shown, and a frame after the
 * schedule: the table's new cells (the costliest part of a large schedule's arrival on the
 * JavaFX thread) are then made in a frame of their own, not in the one that draws the charts.
 */
public final class NodeTableView extends TableView<NodeRow> {
    private final ExplorerViewModel vm;
    private final BooleanProperty onScreen = new SimpleBooleanProperty(this, "onScreen", true);
    private final NextFrame rowsInNextFrame = new NextFrame(this::showRows);
    /** The schedule whose rows the table lists. */
    private ShownSchedule listed;
    private boolean syncing;
    private final TableColumn<NodeRow, Integer> indexColumn = column("#", "The node's index in the training graph",
            NodeRow::index, 50);
    /** Cell padding and a margin: a cell's text is cut to "..." as soon as it is wider than the cell's inside. */
    private static final double INDEX_CELL_EXTRA = 14;

    public NodeTableView(ExplorerViewModel vm) {
        this.vm = vm;
        setId("nodeTable");
        setTooltip(new Tooltip("Nodes of the network with how often this schedule computes and pages each. "
                + "Selecting a row highlights its operations on the timeline."));
        setPlaceholder(new Label("No schedule"));
        getColumns().add(indexColumn);
        addColumns(this);

        vm.solving().shownProperty().addListener((o, a, s) -> rowsInNextFrame.ask());
        onScreen.addListener((o, a, now) -> rowsInNextFrame.ask());
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

    private static void addColumns(TableView<NodeRow> table) {
        table.getColumns().add(column("name", "The node's name", NodeRow::name, 190));
        table.getColumns().add(column("type", "The node's operation", NodeRow::type, 120));
        TableColumn<NodeRow, Long> bytes = column("bytes", "The size of the node's output in RAM", NodeRow::bytes, 90);
        bytes.setCellFactory(c -> new FormattedCell<>(Quantities::bytes));
        table.getColumns().add(bytes);
        TableColumn<NodeRow, Double> energy = column("energy", "Compute energy: the energy of computing the node once",
                NodeRow::computeJ, 110);
        energy.setCellFactory(c -> new FormattedCell<>(Quantities::energy));
        table.getColumns().add(energy);
        table.getColumns().add(column("computed", "Times computed: 1, or more when the schedule recomputes the node",
                NodeRow::timesComputed, 105));
        table.getColumns().add(column("paged", "Times paged: page-outs and page-ins of the node's output",
                NodeRow::timesPaged, 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /**
     * Lists {@code rows}, lays the table out, scrolls to the end and back and empties it again, all
     * before a frame is drawn (so never seen): its cells are then made, styled and kept for reuse,
     * and the code a first listing and a first scroll run has run once, before a large schedule's
     * rows need it. Does nothing once a schedule is listed.
     */
    public void rehearse(List<NodeRow> rows) {
        if (listed != null) {
            return;
        }
        syncing = true;
        try {
            getItems().setAll(rows);
            applyCss();
            layout();
            scrollTo(rows.size() - 1);
            layout();
            scrollTo(0);
            getItems().clear();
            layout();
        } finally {
            syncing = false;
        }
    }

    /** Whether the table is on screen (its tab is selected); while it is not, a new schedule's rows wait. */
    public BooleanProperty onScreenProperty() {
        return onScreen;
    }

    /** Lists the rows of the schedule on screen, unless the table is hidden or lists them already. */
    private void showRows() {
        ShownSchedule s = vm.solving().shownProperty().get();
        if (!onScreen.get() || s == listed) {
            return;
        }
        listed = s;
        syncing = true;
        try {
            if (s == null || !s.hasSchedule()) {
                getItems().clear();
            } else {
                getItems().setAll(s.rows());
                fitIndexColumn(s.rows().size());
                select(vm.solving().selectedNodeProperty().get());
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * Keeps the index column at least as wide as the largest index of {@code rows} rows needs: the
     * table shrinks its columns in a narrow window, which cut 3- and 4-digit indices to "..." at
     * 1280x720.
     */
    private void fitIndexColumn(int rows) {
        Text widest = new Text("9".repeat(Integer.toString(Math.max(0, rows - 1)).length()));
        widest.setFont(((Label) indexColumn.getGraphic()).getFont());
        indexColumn.setMinWidth(Math.ceil(widest.getLayoutBounds().getWidth()) + INDEX_CELL_EXTRA);
    }

    private void select(int node) {
        if (node < 0 || node >= getItems().size()) {
            getSelectionModel().clearSelection();
            return;
        }
        getSelectionModel().select(node);
        scrollTo(Math.max(0, node - 3));
    }

    /**
     * A column headed by a short title, short enough to be read whole in a narrow window (a long
     * one was cut to "times c..." at 1280x720), whose tooltip says what it holds in full.
     */
    private static <T> TableColumn<NodeRow, T> column(String title, String tip, Function<NodeRow, T> value,
            double width) {
        TableColumn<NodeRow, T> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        header.setMinWidth(Region.USE_PREF_SIZE);
        c.setGraphic(header);
        c.setId("column-" + title.replace('#', 'n'));
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
