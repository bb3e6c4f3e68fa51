package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.backends.Backend;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.heuristic.ForwardScheduler;
import org.poetexplorer.solver.heuristic.GeneratedGraphs;

/**
 * Stage models presolved without probing keep their optimum: SCIP proves the same energy as
 * with its full presolve, and the answer replays.
 */
class StagePresolveTest {

    @Test
    void withoutProbingScipProvesTheSameOptimum() {
        Backend scip = Backends.byName("scip");
        TrainingGraph g = GeneratedGraphs.layered(40, 5);
        for (int[] w : new int[][] {{8, 20, 2}, {26, 38, 10}}) {
            for (double share : new double[] {0.9, 0.8}) {
                Budget b = new Budget((long) (Plans.plainPeakBytes(g) * share), 2, false, true);
                StagePlan plan = PlanTidy.tidy(g, ForwardScheduler.schedule(g, b, () -> false).orElseThrow());
                StageModel m = StageFormulation.window(g, b, false, StageWindow.of(plan, w[0], w[1], w[2]), () -> false);
                BackendOutcome full = scip.solve(m.lp(), m.pointOf(plan), Deadline.in(60), 1, new CancelToken(),
                        x -> { });
                BackendOutcome light = scip.solve(m.lp(), m.pointOf(plan), Deadline.in(60), Backend.EXACT_GAP, 1,
                        new CancelToken(), x -> { }, Backend.Presolve.WITHOUT_PROBING);
                String which = "window " + w[0] + "-" + w[1] + " at " + share;
                assertEquals(BackendOutcome.Kind.OPTIMAL, full.kind(), which + ": " + full.detail());
                assertEquals(BackendOutcome.Kind.OPTIMAL, light.kind(), which + ": " + light.detail());
                double energy = m.energyJ(full.objective());
                assertEquals(energy, m.energyJ(light.objective()), 1e-9 * energy, which);
                PlanReplay replay = PlanReplay.of(g, b, PlanTidy.tidy(g, m.round(light.x())));
                assertTrue(replay.valid(), which + ": " + replay.problem());
                assertTrue(replay.energyJ() <= energy * (1 + 1e-9), which + ": " + replay.energyJ() + " J");
            }
        }
    }
}
