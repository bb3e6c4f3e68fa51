package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.solver.phases.ProvenAnswers.bound;
import static org.poetexplorer.solver.phases.ProvenAnswers.optimum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.BenchSuite;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.io.SuiteFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;

/**
 * The cover program by moments: never above the exact stage model's proven optimum, at least as
 * high as the cover program with its inputs' rows where outputs are paged, and on the bundled suite's
 * 100-node graph at 0.8 of the plain peak (recomputation only, and with paging) the schedule from
 * its solution meets its bound, which proves that schedule optimal.
 */
class CoverRunsTest {

    @Test
    void theBoundIsNeverAboveTheStageModelsOptimumNorBelowTheCoverProgramsWhereOutputsArePaged() throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(
                LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, 6)), DeviceFiles.builtIn("m4"),
                1e-4);
        for (double share : new double[] {0.8, 0.7}) {
            for (boolean paging : new boolean[] {false, true}) {
                Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * share), 2.0, paging, true);
                List<CoverBound.Row> rows = CoverBound.rows(g, b);
                double byMoments = bound(CoverRuns.build(g, b, rows, () -> false));
                double withInputs = bound(CoverProgram.build(g, b, rows, () -> false, true));
                double optimum = optimum(g, b);
                String which = share + " of the peak, paging " + paging;
                assertTrue(byMoments <= optimum * (1 + 1e-9), which + ": bound " + byMoments + " above the optimum "
                        + optimum);
                if (paging) {
                    // with one return per output the cover program with its inputs' rows stayed over 1 % lower
                    assertTrue(byMoments >= withInputs * (1 - 1e-9), which + ": by moments " + byMoments
                            + ", with inputs " + withInputs);
                }
            }
        }
    }

    @Test
    void onTheSuites100NodeGraphTheScheduleFromItsSolutionMeetsItsBound() {
        BenchSuite suite = SuiteFiles.bundled();
        BenchSuite.Case c = suite.cases().stream().filter(k -> k.graph().nodes() == 100).findFirst().orElseThrow();
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(c.graph()), suite.device(), suite.timeUnitS());
        // above the cover program's bounds with its inputs' rows: 1.01596 and 1.01331 x plain energy
        double[] above = {1.0165, 1.0145};
        for (boolean paging : new boolean[] {false, true}) {
            Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), suite.runtimeRatio(), paging, true);
            CoverRuns runs = CoverRuns.build(g, b, CoverBound.rows(g, b), () -> false);
            assertNotNull(runs, "no program for 100 nodes");
            BackendOutcome out = Backends.byName("scip").solve(runs.lp(), null, Deadline.in(120), 1,
                    new CancelToken(), x -> { });
            assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
            double bound = runs.energyBoundJ(out.bound());
            PlanReplay replay = PlanReplay.of(g, b, runs.plan(out.x()));
            assertTrue(replay.valid(), "paging " + paging + ": " + replay.problem());
            assertTrue(replay.energyJ() <= bound * (1 + 1e-6), "paging " + paging + ": schedule " + replay.energyJ()
                    + ", bound " + bound);
            assertTrue(bound > g.plainEnergyJ() * above[paging ? 1 : 0], "paging " + paging + ": bound "
                    + bound / g.plainEnergyJ() + " x plain energy");
        }
    }
}
