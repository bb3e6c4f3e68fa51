package org.poetexplorer.app.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.schedule.NodeDetails;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * The details of the selected node in the schedule on screen: why the schedule treats its
 * output as it does ({@link NodeDetails}). Worked out again when the selection or the schedule
 * changes; null when nothing is selected or there is no schedule.
 */
public final class NodeDetailsViewModel {
    private final DerivedValue<NodeDetails> details;
    private final SolvingViewModel solving;

    NodeDetailsViewModel(BackgroundTasks tasks, Notices notices, SolvingViewModel solving, int backgroundFromOps) {
        this.solving = solving;
        this.details = new DerivedValue<>(tasks, notices, "node details", backgroundFromOps);
        solving.resultProperty().addListener((o, a, b) -> update());
        solving.selectedNodeProperty().addListener((o, a, b) -> update());
    }

    private void update() {
        SolveResult r = solving.resultProperty().get();
        int node = solving.selectedNodeProperty().get();
        if (r == null || !r.hasSchedule() || node < 0 || node >= r.schedule().graph().size()) {
            details.clear();
            return;
        }
        boolean proven = r.status() == SolveStatus.OPTIMAL;
        details.update(r.schedule().ops().size(), () -> NodeDetails.of(r.schedule(), node, proven));
    }

    /** The selected node's details, or null. */
    public ReadOnlyObjectProperty<NodeDetails> detailsProperty() {
        return details.property();
    }
}
