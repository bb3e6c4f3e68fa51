package org.poetexplorer.solver.heuristic;

import org.poetexplorer.schedule.StagePlan;

/**
 * A schedule found by {@link FastScheduler}, with its figures recomputed from the decisions:
 * energy (the MILP objective), compute time, peak RAM under the model's accounting, and how
 * many recomputations, page-ins and page-outs it uses.
 */
public record HeuristicPlan(
        StagePlan plan,
        double energyJ,
        double runtimeS,
        long peakRamBytes,
        int recomputes,
        int pageIns,
        int pageOuts) {
}
