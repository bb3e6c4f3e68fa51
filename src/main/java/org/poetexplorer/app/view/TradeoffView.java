package org.poetexplorer.app.view;

import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.SolveRecord;
import org.poetexplorer.app.viewmodel.TradeoffViewModel;
import org.poetexplorer.chart.TradeoffPainter;
import org.poetexplorer.chart.TradeoffPoint;
import org.poetexplorer.model.Quantities;

/**
 * Energy and peak RAM against the RAM budget: each finished solve of the current network,
 * device, runtime budget and switches adds a point, so dragging the RAM slider traces the curve;
 * the points of a trade-off curve of the same inputs are drawn too (a solve at the same budget
 * takes the curve point's place). Clicking a point sets the RAM budget to its budget.
 */
public final class TradeoffView extends HBox {
    private final ChartCanvas energy;
    private final ChartCanvas peak;
    private final TradeoffViewModel curve;
    private final DoubleSupplier plainEnergy;

    public TradeoffView(ExplorerViewModel vm) {
        this.curve = vm.tradeoff();
        this.plainEnergy = () -> vm.inputs().graphProperty().get() == null ? Double.NaN
                : vm.inputs().graphProperty().get().plainEnergyJ();
        setId("tradeoff");
        energy = new ChartCanvas(this::energyPainter);
        peak = new ChartCanvas(this::peakPainter);
        energy.setId("tradeoffEnergy");
        peak.setId("tradeoffPeak");
        energy.setOnMouseClicked(e -> load(vm, energyPainter().pointAt(energy.getWidth(), energy.getHeight(),
                e.getX(), e.getY())));
        peak.setOnMouseClicked(e -> load(vm, peakPainter().pointAt(peak.getWidth(), peak.getHeight(),
                e.getX(), e.getY())));
        Tooltip.install(energy, new Tooltip("Energy of each finished solve against its RAM budget (same network, "
                + "device, runtime budget and switches). The ringed point is the current solve; click a point to go back to its budget."));
        Tooltip.install(peak, new Tooltip("Peak RAM of each finished solve against its RAM budget; it never "
                + "exceeds the dashed diagonal. Click a point to go back to its budget."));
        readoutOnHover(energy, this::energyPainter, true);
        readoutOnHover(peak, this::peakPainter, false);
        HBox.setHgrow(energy, Priority.ALWAYS);
        HBox.setHgrow(peak, Priority.ALWAYS);
        energy.setPrefWidth(400);
        peak.setPrefWidth(400);
        getChildren().addAll(energy, peak);
        vm.solving().history().addListener((ListChangeListener<SolveRecord>) c -> repaint());
        vm.solving().resultProperty().addListener((o, a, b) -> repaint());
        curve.sweepPoints().addListener((ListChangeListener<TradeoffViewModel.CurvePoint>) c -> repaint());
    }

    /** A card with the values of the point under the pointer. */
    private static void readoutOnHover(ChartCanvas chart, java.util.function.Supplier<TradeoffPainter> painter,
            boolean energy) {
        javafx.scene.control.Label card = chart.addCard();
        card.setId(chart.getId() + "Readout");
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            TradeoffPoint p = painter.get().pointAt(chart.getWidth(), chart.getHeight(), e.getX(), e.getY());
            if (p == null) {
                card.setVisible(false);
                return;
            }
            String value = !p.feasible() ? "no schedule"
                    : energy ? "energy " + Quantities.energy(p.value()) : "peak RAM " + Quantities.bytes(p.value());
            chart.showCard(card, "RAM budget " + Quantities.bytes(p.ramBudgetBytes()) + "\n" + value
                    + (p.current() ? "\n(the schedule on screen)" : ""), e.getX(), e.getY(), true);
        });
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> card.setVisible(false));
    }

    public ChartCanvas energyChart() {
        return energy;
    }

    public TradeoffPainter energyPainter() {
        return new TradeoffPainter(TradeoffPainter.Kind.ENERGY, curve.points(true), plainEnergy.getAsDouble());
    }

    private TradeoffPainter peakPainter() {
        return new TradeoffPainter(TradeoffPainter.Kind.PEAK_RAM, curve.points(false), Double.NaN);
    }

    private static void load(ExplorerViewModel vm, TradeoffPoint p) {
        if (p != null) {
            vm.inputs().ramBudgetProperty().set(Math.round(p.ramBudgetBytes()));
        }
    }

    private void repaint() {
        energy.repaint();
        peak.repaint();
    }

    /** The points drawn: energy (true) or peak RAM (false) against the budget. */
    public List<TradeoffPoint> points(boolean energy) {
        return curve.points(energy);
    }
}
