package org.poetexplorer.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.poetexplorer.chart.TradeoffPainter;
import org.poetexplorer.chart.TradeoffPoint;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.SolveStatus;

/**
 * Energy and peak RAM against the RAM budget: each finished solve of the current network,
 * device, runtime budget and switches adds a point, so dragging the RAM slider traces the curve;
 * the points of a {@link TradeoffSweep} of the same curve are drawn too (a solve at the same
 * budget takes the sweep point's place).
 */
final class TradeoffView extends HBox {
    private final ChartCanvas energy;
    private final ChartCanvas peak;

    private final TradeoffSweep sweep;

    TradeoffView(ExplorerViewModel vm, TradeoffSweep sweep) {
        this.sweep = sweep;
        setId("tradeoff");
        energy = new ChartCanvas(() -> energyPainter(vm));
        peak = new ChartCanvas(() -> peakPainter(vm));
        energy.setId("tradeoffEnergy");
        peak.setId("tradeoffPeak");
        energy.setOnMouseClicked(e -> load(vm, energyPainter(vm).pointAt(energy.getWidth(), energy.getHeight(),
                e.getX(), e.getY())));
        peak.setOnMouseClicked(e -> load(vm, peakPainter(vm).pointAt(peak.getWidth(), peak.getHeight(),
                e.getX(), e.getY())));
        Tooltip.install(energy, new Tooltip("Energy of each finished solve against its RAM budget (same network, "
                + "device, runtime budget and switches). The ringed point is the current solve; click a point to go back to its budget."));
        Tooltip.install(peak, new Tooltip("Peak RAM of each finished solve against its RAM budget; it never "
                + "exceeds the dashed diagonal. Click a point to go back to its budget."));
        HBox.setHgrow(energy, Priority.ALWAYS);
        HBox.setHgrow(peak, Priority.ALWAYS);
        energy.setPrefWidth(400);
        peak.setPrefWidth(400);
        getChildren().addAll(energy, peak);
        vm.history().addListener((javafx.collections.ListChangeListener<SolveRecord>) c -> repaint());
        vm.resultProperty().addListener((o, a, b) -> repaint());
        sweep.points().addListener((javafx.collections.ListChangeListener<TradeoffSweep.CurvePoint>) c -> repaint());
    }

    ChartCanvas energyChart() {
        return energy;
    }

    TradeoffPainter energyPainter(ExplorerViewModel vm) {
        TrainingGraph g = vm.graphProperty().get();
        return new TradeoffPainter(TradeoffPainter.Kind.ENERGY, points(vm, true), g == null ? Double.NaN : g.plainEnergyJ());
    }

    private TradeoffPainter peakPainter(ExplorerViewModel vm) {
        return new TradeoffPainter(TradeoffPainter.Kind.PEAK_RAM, points(vm, false), Double.NaN);
    }

    private static void load(ExplorerViewModel vm, TradeoffPoint p) {
        if (p != null) {
            vm.ramBudgetProperty().set(Math.round(p.ramBudgetBytes()));
        }
    }

    private void repaint() {
        energy.repaint();
        peak.repaint();
    }

    List<TradeoffPoint> points(ExplorerViewModel vm, boolean energy) {
        List<TradeoffPoint> out = new ArrayList<>();
        TrainingGraph g = vm.graphProperty().get();
        if (g == null) {
            return out;
        }
        String key = ExplorerViewModel.graphKey(g);
        var r = vm.resultProperty().get();
        long currentBudget = r != null && r.budget() != null ? r.budget().ramBytes() : -1;
        double ratio = vm.runtimeRatioProperty().get();
        boolean paging = vm.pagingProperty().get();
        boolean remat = vm.rematProperty().get();
        Set<Long> solved = new HashSet<>();
        for (SolveRecord h : vm.history()) {
            if (!h.sameCurveAs(key, ratio, paging, remat)) {
                continue;
            }
            double value = !h.hasSchedule() ? Double.NaN : energy ? h.energyJ() : h.peakRamBytes();
            out.add(new TradeoffPoint(h.ramBudgetBytes(), value, h.ramBudgetBytes() == currentBudget));
            solved.add(h.ramBudgetBytes());
        }
        for (TradeoffSweep.CurvePoint p : sweep.pointsFor(key, ratio, paging, remat)) {
            if (solved.contains(p.ramBudgetBytes()) || !p.hasSchedule() && p.status() != SolveStatus.INFEASIBLE) {
                continue;
            }
            double value = !p.hasSchedule() ? Double.NaN : energy ? p.energyJ() : p.peakRamBytes();
            out.add(new TradeoffPoint(p.ramBudgetBytes(), value, p.ramBudgetBytes() == currentBudget));
        }
        return out;
    }
}
