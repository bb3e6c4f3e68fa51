package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;
import org.poetexplorer.solver.SolveStatus;

/** The solve line of poet check and poet show, as a person reads it. */
class ScheduleFileReportTest {
    private final TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
    private final Budget budget = new Budget(5000, 1.25, true, false);
    private final Schedule schedule = PlanReplay.schedule(g, budget, ScheduleFixtures.linearPagingAndRecompute(g));

    private String line(Double gap, double energyJ) {
        return ScheduleFileReport.solveLine(new ScheduleFile(g, budget, "scip", SolveStatus.OPTIMAL, gap, energyJ,
                schedule));
    }

    @Test
    void aTinyGapAndALargeEnergyReadWithoutAnExponent() {
        assertEquals("solve: scip, OPTIMAL, gap < 0.001 %, reported energy 25530.125 J", line(1.242e-7, 25_530.125));
        assertEquals("solve: scip, OPTIMAL, gap 0 %, reported energy 12345678.5 J", line(0.0, 12_345_678.5));
        assertEquals("solve: scip, OPTIMAL, gap 1.5 %, reported energy 0.0001 J", line(0.015, 1e-4));
    }
}
