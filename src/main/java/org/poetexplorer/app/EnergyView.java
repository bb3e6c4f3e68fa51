package org.poetexplorer.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;
import org.poetexplorer.chart.EnergyBar;
import org.poetexplorer.chart.EnergyBarsPainter;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/** Energy of this schedule beside the plain schedule and, when they solve, remat-only and paging-only ones. */
final class EnergyView extends ChartCanvas {

    EnergyView(ExplorerViewModel vm) {
        super(() -> new EnergyBarsPainter(bars(vm), vm.graphProperty().get() == null ? Double.NaN
                : vm.graphProperty().get().plainEnergyJ()));
        setId("energy");
        Tooltip.install(this, new Tooltip("Energy of one training step by kind of operation: this schedule, the plain "
                + "schedule (no budget), and the same budgets with only rematerialization or only paging."));
        vm.resultProperty().addListener((o, a, b) -> repaint());
        vm.plainProperty().addListener((o, a, b) -> repaint());
        vm.rematOnlyProperty().addListener((o, a, b) -> repaint());
        vm.pagingOnlyProperty().addListener((o, a, b) -> repaint());
    }

    static List<EnergyBar> bars(ExplorerViewModel vm) {
        List<EnergyBar> bars = new ArrayList<>();
        SolveResult r = vm.resultProperty().get();
        bars.add(r != null && r.hasSchedule() ? EnergyBar.of("this schedule", r.schedule())
                : EnergyBar.missing("this schedule", r == null ? "solving..." : r.status().toString().toLowerCase()));
        if (vm.plainProperty().get() != null) {
            bars.add(EnergyBar.of("plain (no budget)", vm.plainProperty().get()));
        }
        if (r != null && r.budget() != null && r.budget().paging() && r.budget().remat()) {
            bars.add(variant("remat only", vm.rematOnlyProperty().get()));
            bars.add(variant("paging only", vm.pagingOnlyProperty().get()));
        }
        return bars;
    }

    private static EnergyBar variant(String label, SolveResult r) {
        if (r == null) {
            return EnergyBar.missing(label, "pending");
        }
        if (r.hasSchedule()) {
            return EnergyBar.of(label, r.schedule());
        }
        return EnergyBar.missing(label, r.status() == SolveStatus.INFEASIBLE ? "infeasible" : "no schedule");
    }
}
