package org.poetexplorer.io;

import java.util.Map;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Claims;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveStatus;

/**
 * A schedule file read back: the graph rebuilt from its nodes, the budget, who solved it and
 * how, the energy it reports, the schedule and the other figures it claims. {@code gap} is null when
 * unknown.
 */
public record ScheduleFile(TrainingGraph graph, Budget budget, String solver, SolveStatus status, Double gap,
        double energyJ, Schedule schedule, Claims claims) {

    /** A schedule that claims no figures besides its energy (one not read from a file). */
    public ScheduleFile(TrainingGraph graph, Budget budget, String solver, SolveStatus status, Double gap,
            double energyJ, Schedule schedule) {
        this(graph, budget, solver, status, gap, energyJ, schedule, new Claims(Map.of(), null));
    }

    /** The same operations and budget, checked against another graph (e.g. a network's own costs). */
    public Schedule scheduleOn(TrainingGraph other) {
        return new Schedule(other, budget, schedule.ops());
    }
}
