package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.GeneratedGraphs;

/** Windows of stages prove small budgets infeasible, and never a budget that a schedule fits. */
class StageWindowProofTest {

    /**
     * The generated 20-node graph (width 0.2, seed 2; m4, 100 us a unit) at 0.8 of its plain
     * peak, remat-only, ended UNKNOWN in 2 s and 10 s (no walk fits it, the search over the
     * budget found nothing): now INFEASIBLE. The least RAM reported is right: a schedule fits
     * it (replayed), and the proof refutes a byte less.
     */
    @Test
    void settlesASmallGraphThatEndedUnknown() {
        TrainingGraph g = GeneratedGraphs.layered(20, 0.2, 2, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        SolveResult r = PoetSolver.solve(g, b, new SolveOptions("scip", 60, 1, 0), null, null);
        assertEquals(SolveStatus.INFEASIBLE, r.status(), r.message());

        long least = MinimalRam.provenFloorBytes(g, b.allowance());
        assertTrue(least > b.ramBytes(), "least RAM " + least + " within the budget " + b.ramBytes());
        assertTrue(StageWindowProof.provesInfeasible(g, b.withRam(least - 1), () -> false));
        SolveResult atLeast = PoetSolver.solve(g, b.withRam(least), new SolveOptions("scip", 60, 1, 0), null, null);
        assertTrue(atLeast.hasSchedule(), "no schedule at the least RAM " + least + ": " + atLeast.message());
        PlanReplay replay = PlanReplay.of(g, b.withRam(least), atLeast.plan());
        assertTrue(replay.valid(), replay.problem());
        assertTrue(replay.peakRamBytes() <= least);
    }

    /**
     * Soundness: on generated graphs of 20 and 40 nodes, with and without paging, with a loose
     * and a tight runtime budget, the least RAM for which the fast scheduler finds a schedule is
     * never refuted (a schedule fits it, so a proof there would be wrong).
     */
    @Test
    void neverRefutesARamThatASchedulesFits() {
        int checked = 0;
        for (int n = 20; n <= 40; n += 20) {
            for (int seed = 1; seed <= 3; seed++) {
                TrainingGraph g = GeneratedGraphs.layered(n, 0.26, seed, "m4", 1e-4);
                for (boolean paging : new boolean[] {false, true}) {
                    for (double ratio : new double[] {1.2, 2}) {
                        Allowance a = new Allowance(ratio, paging, true);
                        long works = MinimalRam.achievableBytes(g, a, new FastScheduler());
                        if (works < 0) {
                            continue;
                        }
                        assertFalse(StageWindowProof.provesInfeasible(g, a.withRam(works), () -> false),
                                "refuted " + works + " B on n" + n + " seed " + seed + " paging " + paging + " ratio "
                                        + ratio + ", which the fast scheduler fits");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 20, "only " + checked + " budgets checked");
    }
}
