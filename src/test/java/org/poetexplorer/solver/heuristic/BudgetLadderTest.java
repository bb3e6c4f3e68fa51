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

/** The plans of larger budgets, stepped down, give schedules where every walk fails. */
class BudgetLadderTest {

    /**
     * A generated 500-node graph at 0.8 of its plain peak, remat-only, where no walk of the
     * forward scheduler finds a plan (the 2 s anytime sweep's case without a schedule): the
     * ladder gives one that passes the replay within the budget.
     */
    @Test
    void stepsALargerBudgetsPlanDownWhereEveryWalkFails() {
        TrainingGraph g = GeneratedGraphs.layered(500, 0.26, 1, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        assertTrue(ForwardScheduler.schedule(g, b, () -> false).isEmpty(), "a walk found a plan: not the hard case");
        StagePlan plan = BudgetLadder.run(g, b, 1, 300, () -> false);
        assertNotNull(plan, "no plan");
        PlanReplay replay = PlanReplay.of(g, b, plan);
        assertTrue(replay.valid(), replay.problem());
        assertTrue(replay.peakRamBytes() <= b.ramBytes());
    }

    /** Its steps are recomputations only: a budget with paging, or without recomputation, is refused. */
    @Test
    void refusesBudgetsWithPagingOrWithoutRecomputation() {
        TrainingGraph g = GeneratedGraphs.layered(30, 1);
        long ram = Plans.plainPeakBytes(g);
        assertThrows(IllegalArgumentException.class, () -> BudgetLadder.run(g, new Budget(ram, 2, true, true), 1, 1, () -> false));
        assertThrows(IllegalArgumentException.class, () -> BudgetLadder.run(g, new Budget(ram, 2, false, false), 1, 1, () -> false));
    }
}
