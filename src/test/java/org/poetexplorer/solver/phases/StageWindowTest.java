package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.backends.LinearModel;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.heuristic.ForwardScheduler;
import org.poetexplorer.solver.heuristic.GeneratedGraphs;

/** The stage model restricted to a window, everything else fixed to a plan. */
class StageWindowTest {
    private static final TrainingGraph G = GeneratedGraphs.layered(40, 5);
    private static final Budget REMAT = new Budget((long) (Plans.plainPeakBytes(G) * 0.8), 2, false, true);

    private static StagePlan firstPlan(Budget b) {
        StagePlan plan = PlanTidy.tidy(G, ForwardScheduler.schedule(G, b, () -> false).orElseThrow());
        assertTrue(PlanReplay.of(G, b, plan).valid(), PlanReplay.of(G, b, plan).problem());
        return plan;
    }

    /** The fixed plan is a point of its window's model, every row it decides holds, and its objective is the plan's energy. */
    @Test
    void theFixedPlanIsAPointOfItsWindowWithItsEnergy() {
        StagePlan plan = firstPlan(REMAT);
        for (int[] w : new int[][] {{12, 24, 4}, {0, 10, 0}, {30, 40, 30}}) {
            StageModel m = StageFormulation.window(G, REMAT, false, StageWindow.of(plan, w[0], w[1], w[2]), () -> false);
            double[] x = m.pointOf(plan);
            assertNotNull(x, "the plan needs a decision its window fixed to zero");
            LinearModel lp = m.lp();
            double objective = 0;
            for (int j = 0; j < lp.numVars(); j++) {
                objective += Double.isNaN(x[j]) ? 0 : lp.objective(j) * x[j];
            }
            double energy = PlanReplay.of(G, REMAT, plan).energyJ();
            assertEquals(energy, m.energyJ(objective), 1e-9 * energy);
            for (int row = 0; row < lp.numRows(); row++) {
                double sum = 0;
                boolean known = true;
                for (int k = lp.rowStart(row); k < lp.rowEnd(row); k++) {
                    double v = x[lp.entryCol(k)];
                    known &= !Double.isNaN(v);
                    sum += lp.entryCoef(k) * v;
                }
                if (known) {
                    assertTrue(sum >= lp.rowLb(row) - 1e-9 && sum <= lp.rowUb(row) + 1e-9,
                            lp.rowName(row) + " = " + sum + " outside [" + lp.rowLb(row) + ", " + lp.rowUb(row) + "]");
                }
            }
        }
    }

    /** A window's optimum, with the fixed decisions around it, replays as a valid plan costing what the model says, and no more than the fixed plan. */
    @Test
    void aWindowsOptimumIsAValidWholePlanNoWorseThanTheFixedOne() {
        for (Budget b : new Budget[] {REMAT, REMAT.withPaging(true)}) {
            StagePlan plan = firstPlan(b);
            double start = PlanReplay.of(G, b, plan).energyJ();
            StageModel m = StageFormulation.window(G, b, false, StageWindow.of(plan, 10, 26, 2), () -> false);
            BackendOutcome out = Backends.byName("scip").solve(m.lp(), m.pointOf(plan), Deadline.in(20), 1,
                    new CancelToken(), p -> { });
            assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
            PlanReplay replay = PlanReplay.of(G, b, PlanTidy.tidy(G, m.round(out.x())));
            assertTrue(replay.valid(), replay.problem());
            assertTrue(replay.energyJ() <= m.energyJ(out.objective()) * (1 + 1e-9), replay.energyJ() + " J");
            assertTrue(m.energyJ(out.objective()) <= start * (1 + 1e-9), m.energyJ(out.objective()) + " > " + start);
        }
    }
}
