package org.poetexplorer.io;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveStatus;

/**
 * A schedule file read back: the graph rebuilt from its nodes, the budget, who solved it and
 * how, the energy it reports and the schedule. {@code gap} is null when unknown.
 */
public record ScheduleFile(TrainingGraph graph, Budget budget, String solver, SolveStatus status, Double gap,
        double energyJ, Schedule schedule) {

    /** The same operations and budget, checked against another graph (e.g. a network's own costs). */
    public Schedule scheduleOn(TrainingGraph other) {
        return new Schedule(other, budget, schedule.ops());
    }
}
