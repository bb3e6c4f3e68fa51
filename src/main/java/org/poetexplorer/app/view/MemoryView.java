package org.poetexplorer.app.view;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.LatestJob;
import org.poetexplorer.app.viewmodel.ShownSchedule;
import org.poetexplorer.chart.BandLayout;
import org.poetexplorer.chart.MemoryData;
import org.poetexplorer.chart.MemoryPainter;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;

/**
 * The memory chart on screen, under the timeline and on the same time axis. A click lists
 * the outputs in RAM at that moment (a click on the peak marker: at the peak), largest first in
 * aligned columns; a click on a row selects its node, Esc closes the list.
 */
public final class MemoryView extends ChartCanvas {
    private final PopOver popOver = new PopOver();
    private final ListView<Integer> contents = new ListView<>();
    private final Label contentsTitle = new Label();
    private final Label hoverCard = addCard();
    private MemoryData data;
    private MemoryData baseline;
    private int markedOp = -1;
    private int selectedNode = -1;
    private ExplorerViewModel vmRef;
    private final LatestJob<LayoutKey, BandLayout> layouts;

    /** What the bands' layout depends on: while it is the same, drawing and the pointer use the layout last made. */
    private record LayoutKey(MemoryData data, MemoryData baseline, TimeWindow window, double width, double height,
            long budgetBytes) {
    }

    public MemoryView(ExplorerViewModel vm, ObjectProperty<TimeWindow> window, TimeNavigation navigation) {
        this(vm, window, navigation, new MemoryView[1]);
    }

    private MemoryView(ExplorerViewModel vm, ObjectProperty<TimeWindow> window, TimeNavigation navigation,
            MemoryView[] self) {
        super(() -> self[0].painter(vm, window.get()));
        self[0] = this;
        vmRef = vm;
        layouts = vm.latestJob("memory chart's layout", this::repaint);
        setId("memory");
        Tooltip.install(this, new Tooltip("RAM in use after each operation, one band per output in RAM. Click a band "
                + "to select its node and list what is in RAM there (click the peak: at the peak). Wheel zooms, drag "
                + "pans, like the timeline."));
        contents.setId("ramContents");
        contents.setPrefSize(420, 260);
        contents.setCellFactory(list -> new ContentsRow());
        // a click on a row selects its node in the charts and the node table
        contents.getSelectionModel().selectedItemProperty().addListener((o, a, node) -> {
            if (node != null) {
                vm.solving().selectedNodeProperty().set(node);
            }
        });
        // Esc closes the list, whether the list (after a click in it) or the window has the keys
        popOver.setHideOnEscape(true);
        javafx.event.EventHandler<KeyEvent> escape = e -> {
            if (e.getCode() == KeyCode.ESCAPE && popOver.isShowing()) {
                popOver.hide(javafx.util.Duration.ZERO);
                e.consume();
            }
        };
        popOver.addEventFilter(KeyEvent.KEY_PRESSED, escape);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, escape);
            }
        });
        vm.solving().selectedNodeProperty().addListener((o, a, b) -> {
            selectedNode = b.intValue();
            repaint();
        });
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> showReadout(window.get(), e.getX(), e.getY()));
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> hoverCard.setVisible(false));
        contentsTitle.getStyleClass().add("popover-title");
        popOver.setContentNode(new VBox(6, contentsTitle, contents));
        popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_CENTER);
        popOver.setDetachable(false);
        popOver.setOnHidden(e -> {
            markedOp = -1;
            repaint();
        });
        vm.solving().shownProperty().addListener((o, a, s) -> {
            data = s == null ? null : s.memory();
            markedOp = -1;
            popOver.hide();
            // the timeline's first drawing of a large schedule is in this gap between pulses, this one in the next
            if (s != null && s.hasSchedule() && s.result().schedule().ops().size() >= ShownSchedule.BACKGROUND_FROM_OPS) {
                repaintInNextPulse();
            } else {
                repaint();
            }
        });
        vm.baseline().overlayProperty().addListener((o, a, s) -> {
            baseline = s;
            repaint();
        });
        vm.inputs().ramBudgetProperty().addListener((o, a, b) -> repaint());
        window.addListener((o, a, b) -> repaint());
        navigation.attach(this);
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (!e.isStillSincePress() || data == null) {
                return;
            }
            long budget = data.schedule().budget().ramBytes();
            int k = MemoryPainter.isNearPeak(data, baseline, window.get(), budget, getWidth(), getHeight(), e.getX(), e.getY())
                    ? data.peakOp()
                    : MemoryPainter.opAtX(data, window.get(), getWidth(), e.getX());
            if (k < 0) {
                return;
            }
            BandLayout shown = layout(vm, window.get());
            BandLayout.Segment band = shown == null ? null : shown.at(e.getX(), e.getY());
            if (band != null && band.node() >= 0) {
                vm.solving().selectedNodeProperty().set(band.node());
            }
            showContents(k, k == data.peakOp(), e.getScreenX(), e.getScreenY());
        });
    }

    /**
     * The chart as it is drawn now: tensor by tensor once the bands' layout for this view is
     * made; until then (a large schedule's layout is made in the background while a pan or zoom
     * goes on) the area under the curve in one colour.
     */
    private MemoryPainter painter(ExplorerViewModel vm, TimeWindow w) {
        MemoryPainter p = plainPainter(vm, w);
        if (data == null) {
            return p;
        }
        BandLayout l = layout(p, w);
        return l == null ? p : p.perTensor(data.bands(), selectedNode).withLayout(l);
    }

    private MemoryPainter plainPainter(ExplorerViewModel vm, TimeWindow w) {
        TrainingGraph g = vm.inputs().graphProperty().get();
        long budget = data != null ? data.schedule().budget().ramBytes() : vm.inputs().ramBudgetProperty().get();
        return new MemoryPainter(data, w, budget, g == null ? 0 : g.paramBytes(), markedOp, baseline);
    }

    /** Where the bands are on screen now, or null while it is being made; made again only when the chart changed. */
    private BandLayout layout(ExplorerViewModel vm, TimeWindow w) {
        return data == null ? null : layout(plainPainter(vm, w), w);
    }

    private BandLayout layout(MemoryPainter plain, TimeWindow w) {
        double width = getWidth();
        double height = getHeight();
        LayoutKey key = new LayoutKey(data, baseline, w, width, height, plain.budgetBytes());
        MemoryPainter tensors = plain.perTensor(data.bands(), -1);
        if (data.size() >= ShownSchedule.BACKGROUND_FROM_OPS) {
            return layouts.get(key, () -> tensors.bandLayout(width, height).readyToDraw());
        }
        BandLayout l = layouts.made(key);
        if (l == null) {
            l = tensors.bandLayout(width, height);
            layouts.put(key, l);
        }
        return l;
    }

    /** The readout of the band under the pointer: tensor, bytes, state and time. */
    private void showReadout(TimeWindow w, double x, double y) {
        BandLayout.Segment s = data == null ? null : layout(vmRef, w).at(x, y);
        if (s == null) {
            hoverCard.setVisible(false);
            return;
        }
        showCard(hoverCard, readout(s), x, y, true);
    }

    /** What the readout says about a band. */
    public String readout(BandLayout.Segment s) {
        Schedule sc = data.schedule();
        String time = "after " + Quantities.duration(sc.computeClockS()[s.op()]) + ", RAM in use "
                + Quantities.bytes(sc.ops().get(s.op()).ramBytesAfter());
        if (s.node() < 0) {
            return s.tensors() + " small outputs, " + Quantities.bytes(s.bytes()) + "\n" + time;
        }
        GraphNode n = sc.graph().node(s.node());
        return n.name() + " (" + n.type() + ")  " + Quantities.bytes(s.bytes()) + "\n" + s.state().label() + ", "
                + time;
    }

    public Label hoverCard() {
        return hoverCard;
    }

    /** Lists the outputs in RAM right after operation {@code k}. */
    public void showContents(int k, boolean peak, double screenX, double screenY) {
        Schedule s = data.schedule();
        List<Integer> nodes = ScheduleSummary.inRamAfter(s, k);
        long total = nodes.stream().mapToLong(i -> s.graph().node(i).ramBytes()).sum();
        contents.getItems().setAll(nodes);
        contentsTitle.setText((peak ? "At the peak: " : "At " + Quantities.duration(s.computeClockS()[k]) + ": ")
                + nodes.size() + " outputs in RAM, " + Quantities.bytes(total));
        markedOp = k;
        repaint();
        popOver.show(this, screenX, screenY - 6);
    }

    /** The window of the contents list (a PopOver is a window of its own), or null when hidden. */
    public javafx.scene.Scene contentsScene() {
        return popOver.isShowing() ? popOver.getScene() : null;
    }

    /** The rows of the contents list as they read: name, type, size. */
    public List<String> listedContents() {
        if (data == null) {
            return List.of();
        }
        TrainingGraph g = data.schedule().graph();
        return contents.getItems().stream().map(i -> g.node(i).name() + " " + g.node(i).type() + " "
                + Quantities.bytes(g.node(i).ramBytes())).toList();
    }

    /** One output in RAM: name, type and size in aligned columns, the size right-aligned. */
    private final class ContentsRow extends ListCell<Integer> {
        private final Label name = new Label();
        private final Label type = new Label();
        private final Label size = new Label();
        private final HBox row = new HBox(8, name, type, size);

        ContentsRow() {
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            type.setMinWidth(110);
            type.setPrefWidth(110);
            type.getStyleClass().add("muted");
            size.setMinWidth(80);
            size.setPrefWidth(80);
            size.setAlignment(Pos.CENTER_RIGHT);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Integer node, boolean empty) {
            super.updateItem(node, empty);
            if (empty || node == null || data == null) {
                setGraphic(null);
                return;
            }
            GraphNode n = data.schedule().graph().node(node);
            name.setText(n.name());
            type.setText(n.type());
            size.setText(Quantities.bytes(n.ramBytes()));
            setGraphic(row);
        }
    }
}
