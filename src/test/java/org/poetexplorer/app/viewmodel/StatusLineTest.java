package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

class StatusLineTest {
    private static final StatusLine.Context DONE = new StatusLine.Context(false, false, null, null, null, null);

    private static TrainingGraph linear() throws Exception {
        return ReferenceData.graph("linear", "a72");
    }

    private static SolveResult infeasible(Budget b) throws Exception {
        return new SolveResult(linear(), b, "scip", SolveStatus.INFEASIBLE, null, null, null, null, 0.01, "infeasible");
    }

    @Test
    void infeasibleSaysWhichBudgetToRaiseAndByHowMuchWhenKnown() throws Exception {
        Budget b = new Budget(32_768, 1.5, true, true);
        String exact = StatusLine.of(ShownSchedule.of(infeasible(b)), new StatusLine.Context(false, false, null, null, 262_144L, 262_144L));
        assertEquals("INFEASIBLE: no schedule fits 32.8 kB within 1.5x runtime. Raise the RAM budget to at least "
                + "262 kB (the smallest that works) | solved in 0.01 s (scip)", exact);
        String bracket = StatusLine.of(ShownSchedule.of(infeasible(b)), new StatusLine.Context(false, false, null, null, 200_000L, 300_000L));
        assertTrue(bracket.contains("at least 200 kB (a schedule is known at 300 kB)"), bracket);
        String unknown = StatusLine.of(ShownSchedule.of(infeasible(b)), DONE);
        assertTrue(unknown.contains("Raise the RAM budget or the runtime budget"), unknown);
    }

    @Test
    void infeasibleWithATrickOffSuggestsTurningItOn() throws Exception {
        String s = StatusLine.of(ShownSchedule.of(infeasible(new Budget(32_768, 1.0, false, true))), DONE);
        assertTrue(s.endsWith("turn on paging | solved in 0.01 s (scip)"), s);
    }

    @Test
    void feasibleShowsGapFiguresAndWhetherTheUserStoppedIt() throws Exception {
        TrainingGraph g = linear();
        Budget b = new Budget(10_000_000, 1.5, true, true);
        SolveResult r = new SolveResult(g, b, "scip", SolveStatus.FEASIBLE, null, PlanReplay.schedule(g, b, Plans.plain(g)), 1.0,
                0.0123, 2.5, "cancelled");
        String stopped = StatusLine.of(ShownSchedule.of(r), new StatusLine.Context(false, true, null, null, null, null));
        assertTrue(stopped.startsWith("Stopped: FEASIBLE, gap 1.23 % | "), stopped);
        assertTrue(stopped.endsWith(" | solved in 2.50 s (scip)"), stopped);
        String running = StatusLine.of(ShownSchedule.of(r), new StatusLine.Context(true, false, "solving with scip", 0.5, null, null));
        assertTrue(running.startsWith("Solving (solving with scip), bound 500 mJ... best so far: FEASIBLE"), running);
        assertEquals("Solving...", StatusLine.of(null, new StatusLine.Context(true, false, null, null, null, null)));
    }
}
