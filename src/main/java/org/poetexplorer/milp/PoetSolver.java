package org.poetexplorer.milp;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * The engine's one entry point for solving: graph + budget + options -> a checked result.
 * Every schedule it returns (and streams to the listener) has passed the replay check.
 */
public final class PoetSolver {
    private PoetSolver() {
    }

    public static SolveResult solve(TrainingGraph graph, Budget budget, SolveOptions options,
            SolveListener listener, CancelToken cancel) {
        throw new UnsupportedOperationException("the MILP engine is being written on another branch");
    }
}
