package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;

/** The search from plans over the budget finds schedules where every walk runs out of RAM or runtime. */
class OverBudgetSearchTest {

    /**
     * A generated 500-node graph at 0.8 of its plain peak, remat-only, where no walk of the
     * forward scheduler (headroom fallback included) finds a plan: the search gives one that
     * passes the replay within the budget. The stop signal is only a guard against a search
     * that never ends.
     */
    @Test
    void fitsAGraphWhereEveryWalkFails() {
        TrainingGraph g = GeneratedGraphs.layered(500, 0.26, 1, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        assertTrue(ForwardScheduler.schedule(g, b, () -> false).isEmpty(), "a walk found a plan: not the hard case");
        long guard = System.nanoTime() + 300_000_000_000L;
        StagePlan plan = new OverBudgetSearch(g, b, 1).run(() -> System.nanoTime() > guard);
        assertNotNull(plan, "no plan");
        PlanReplay replay = PlanReplay.of(g, b, plan);
        assertTrue(replay.valid(), replay.problem());
        assertTrue(replay.peakRamBytes() <= b.ramBytes());
    }

    /** Its moves are recomputations only: a budget with paging, or without recomputation, is refused. */
    @Test
    void refusesBudgetsWithPagingOrWithoutRecomputation() {
        TrainingGraph g = GeneratedGraphs.layered(30, 1);
        long ram = Plans.plainPeakBytes(g);
        assertThrows(IllegalArgumentException.class, () -> new OverBudgetSearch(g, new Budget(ram, 2, true, true), 1));
        assertThrows(IllegalArgumentException.class, () -> new OverBudgetSearch(g, new Budget(ram, 2, false, false), 1));
    }
}
