package org.poetexplorer.app.view;

import javafx.scene.control.Tooltip;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.chart.EnergyBarsPainter;

/** Energy of this schedule beside the plain schedule and, when they solve, remat-only and paging-only ones. */
public final class EnergyView extends ChartCanvas {

    public EnergyView(ExplorerViewModel vm) {
        super(() -> new EnergyBarsPainter(
                vm.comparisons().bars(vm.solving().shownProperty().get(), vm.inputs().plainSummaryProperty().get()),
                vm.inputs().graphProperty().get() == null ? Double.NaN : vm.inputs().graphProperty().get().plainEnergyJ()));
        setId("energy");
        Tooltip.install(this, new Tooltip("Energy of one training step by kind of operation: this schedule, the plain "
                + "schedule (no budget), and the same budgets with only rematerialization or only paging."));
        vm.solving().resultProperty().addListener((o, a, b) -> repaint());
        vm.inputs().plainSummaryProperty().addListener((o, a, b) -> repaint());
        vm.comparisons().rematOnlyProperty().addListener((o, a, b) -> repaint());
        vm.comparisons().pagingOnlyProperty().addListener((o, a, b) -> repaint());
    }
}
