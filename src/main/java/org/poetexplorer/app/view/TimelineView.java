package org.poetexplorer.app.view;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.chart.TimelineData;
import org.poetexplorer.chart.TimelinePainter;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.Operation;

/**
 * The Gantt timeline on screen: draws {@link TimelinePainter}, shows a hover card for the
 * operation under the pointer and selects an operation's node on click.
 */
public final class TimelineView extends ChartCanvas {
    /** How to use the timeline, for a tooltip beside it (one over it would cover the hover card). */
    public static final String HELP = "Wheel: zoom around the pointer. Drag: pan. Click an operation to select "
            + "its node. F or Ctrl+0: fit to window. W/S: zoom, A/D: pan, Shift+drag: sum a stretch, "
            + "Esc: clear (click the chart first).";
    private final ExplorerViewModel vm;
    private final ObjectProperty<TimeWindow> window;
    private final Label hoverCard = addCard();
    private TimelineData data;
    private int hoveredOp = -1;
    private final java.util.BitSet[] matchesRef;

    public TimelineView(ExplorerViewModel vm, ObjectProperty<TimeWindow> window, TimeNavigation navigation) {
        this(vm, window, navigation, new TimelineData[1], new int[] {-1}, new java.util.BitSet[1]);
    }

    private TimelineView(ExplorerViewModel vm, ObjectProperty<TimeWindow> window, TimeNavigation navigation,
            TimelineData[] dataRef, int[] hoverRef, java.util.BitSet[] matchesRef) {
        super(() -> new TimelinePainter(dataRef[0], window.get(), vm.solving().selectedNodeProperty().get(), hoverRef[0],
                emptyText(vm)).withMatches(matchesRef[0]));
        this.vm = vm;
        this.matchesRef = matchesRef;
        this.window = window;
        setId("timeline");
        vm.solving().shownProperty().addListener((o, a, s) -> {
            data = s == null ? null : s.timeline();
            dataRef[0] = data;
            hide();
            repaint();
        });
        window.addListener((o, a, b) -> repaint());
        vm.solving().selectedNodeProperty().addListener((o, a, b) -> repaint());
        navigation.attach(this);
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            int k = TimelinePainter.opAt(data, window.get(), getWidth(), getHeight(), e.getX(), e.getY());
            if (k != hoveredOp) {
                hoveredOp = k;
                hoverRef[0] = k;
                repaint();
            }
            if (k < 0) {
                hide();
            } else {
                show(data.op(k), e.getX(), e.getY());
            }
        });
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> {
            hoveredOp = -1;
            hoverRef[0] = -1;
            hide();
            repaint();
        });
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (!e.isStillSincePress()) {
                return;
            }
            int k = TimelinePainter.opAt(data, window.get(), getWidth(), getHeight(), e.getX(), e.getY());
            vm.solving().selectedNodeProperty().set(k < 0 ? -1 : data.op(k).node());
        });
    }

    private static String emptyText(ExplorerViewModel vm) {
        var r = vm.solving().resultProperty().get();
        if (r == null) {
            return vm.solving().solvingProperty().get() ? "Solving..." : "No schedule yet";
        }
        switch (r.status()) {
            case INFEASIBLE:
                return "No schedule fits these budgets (see the status bar)";
            default:
                return "No schedule found" + (r.message() == null ? "" : ": " + r.message());
        }
    }

    /** Outlines the operations of the nodes in {@code matches} (a search's), none while it is null. */
    public void showMatches(javafx.beans.value.ObservableValue<java.util.BitSet> matches) {
        matchesRef[0] = matches.getValue();
        matches.addListener((o, a, b) -> {
            matchesRef[0] = b;
            repaint();
        });
    }

    public Label hoverCard() {
        return hoverCard;
    }

    private void hide() {
        hoverCard.setVisible(false);
    }

    private void show(Operation op, double x, double y) {
        GraphNode n = data.schedule().graph().node(op.node());
        String bytes = Quantities.bytes(n.ramBytes());
        showCard(hoverCard, String.format(Locale.ROOT, "%s  %s (%s)%nstage %d   start %s   duration %s%nenergy %s   %s",
                op.kind(), n.name(), n.type(), op.stage(), Quantities.duration(op.startS()),
                Quantities.duration(op.durationS()),
                Quantities.energy(op.energyJ()), bytes), x, y, false);
    }
}
