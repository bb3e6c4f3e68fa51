package org.poetexplorer.solver;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.StagePlan;

/**
 * The outcome of a solve. When {@code schedule} is present it has passed the replay check and
 * every figure is recomputed exactly from the graph. {@code gap} is (energy - bound) / energy
 * when a bound is known. {@code message} says why a solve stopped early (time limit, cancelled).
 */
public record SolveResult(
        TrainingGraph graph,
        Budget budget,
        String solver,
        SolveStatus status,
        StagePlan plan,
        Schedule schedule,
        Double lowerBoundJ,
        Double gap,
        double solveSeconds,
        String message) {

    public boolean hasSchedule() {
        return schedule != null;
    }
}
