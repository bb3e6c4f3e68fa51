package org.poetexplorer.app.tasks;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.SolveOptions;

/** Everything one solve needs: a snapshot of the inputs at the moment they were asked for. */
public record SolveRequest(TrainingGraph graph, Budget budget, SolveOptions options) {
}
