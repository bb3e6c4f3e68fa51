package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.solver.phases.ProvenAnswers.bound;
import static org.poetexplorer.solver.phases.ProvenAnswers.optimum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /**
     * On a generated graph of 24 nodes where the rows on the inputs of late computations bind,
     * the bound stays at most the stage model's proven optimum and above the bound without those
     * rows (measured: 1.11352 and 1.11149x the plain energy; with them 1.14330 and 1.11662; optima
     * 1.14553 and 1.11865). Of 36 budgets on generated graphs of 20 to 28 nodes (0.9 and 0.8 of
     * the plain peak, with and without paging) with a proven optimum, none had a bound above it;
     * 28 nodes of seed 3 at 0.9, recomputation only, went from 1.03996x to 1.15336x (optimum
     * 1.19171x; its exact solve takes a minute, too long for here).
     */
    @ParameterizedTest
    @CsvSource({"24, 3, 0.8, false, 1.1136", "24, 3, 0.8, true, 1.1115"})
    void theInputsOfLateComputationsRaiseTheBoundNotAboveTheOptimum(int n, long seed, double share, boolean paging,
            double without) throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(n, 0.27, seed)),
                DeviceFiles.builtIn("m4"), 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * share), 2.0, paging, true);
        double bound = bound(CoverRuns.build(g, b, CoverBound.rows(g, b), () -> false));
        double optimum = optimum(g, b);
        assertTrue(bound <= optimum * (1 + 1e-9), "bound " + bound + " above the optimum " + optimum);
        assertTrue(bound > without * g.plainEnergyJ(), "bound " + bound / g.plainEnergyJ() + "x the plain energy");
    }

    /**
     * Where the annealing stops at 1.09195x the plain energy and the best schedule known is
     * 1.08270x (a generated 100-node graph at 0.8 of its plain peak, recomputation only), the
     * rows on the inputs of late computations raise the bound from 1.04409x to 1.06218x
     * (measured): there an output kept past its last read instead of recomputed costs the RAM
     * of the inputs it would be recomputed from, unless they are recomputed too.
     */
    @Test
    void theInputsOfLateComputationsRaiseTheBoundOnAGraphWhereItStayedLow() throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(100, 0.27, 2)),
                DeviceFiles.builtIn("m4"), 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2.0, false, true);
        double bound = bound(CoverRuns.build(g, b, CoverBound.rows(g, b), () -> false)) / g.plainEnergyJ();
        assertTrue(bound > 1.062 && bound <= 1.08270, bound + "x the plain energy");
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
