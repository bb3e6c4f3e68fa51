package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.solver.phases.ProvenAnswers.bound;
import static org.poetexplorer.solver.phases.ProvenAnswers.optimum;
import static org.poetexplorer.solver.phases.ProvenAnswers.solved;

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
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;

/**
 * The cover program with one return per output and segment between two reads, and its inputs'
 * rows for the outputs a solution computes again: never above the exact stage model's proven
 * optimum on small generated graphs, and on the bundled suite's 250-node graph at 0.8 of the
 * plain peak with paging well above the bound the program had with one return per output.
 */
class CoverSegmentsTest {

    @Test
    void theBoundIsNeverAboveTheStageModelsOptimum() throws Exception {
        int checked = 0;
        for (long seed : new long[] {6, 3}) {
            TrainingGraph g = NodeLinkFiles.graph(
                    LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, seed)),
                    DeviceFiles.builtIn("m4"), 1e-4);
            for (double share : new double[] {0.9, 0.8, 0.7}) {
                for (boolean paging : new boolean[] {false, true}) {
                    Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * share), 2.0, paging, true);
                    List<CoverBound.Row> rows = CoverBound.rows(g, b);
                    double optimum = optimum(g, b);
                    if (Double.isNaN(optimum)) {
                        continue; // no schedule fits
                    }
                    checked++;
                    String which = "seed " + seed + ", " + share + " of the peak, paging " + paging;
                    List<CoverProgram> programs = new java.util.ArrayList<>(rounds(g, b, rows));
                    programs.add(CoverProgram.build(g, b, rows, () -> false, true));
                    for (CoverProgram cover : programs) {
                        double bound = bound(cover);
                        assertTrue(bound <= optimum * (1 + 1e-9), which + ": bound " + bound + " above the optimum "
                                + optimum);
                    }
                }
            }
        }
        assertTrue(checked >= 6, checked + " budgets with a schedule");
    }

    @Test
    void onTheSuites250NodeGraphWithPagingTheRoundsRaiseTheBound() {
        BenchSuite suite = SuiteFiles.bundled();
        BenchSuite.Case c = suite.cases().stream().filter(k -> k.graph().nodes() == 250).findFirst().orElseThrow();
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(c.graph()), suite.device(), suite.timeUnitS());
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), suite.runtimeRatio(), true, true);
        double best = 0;
        CoverRounds rounds = new CoverRounds(g, b, CoverBound.rows(g, b), () -> false);
        for (int round = 0; round < 5; round++) {
            CoverProgram cover = rounds.next();
            if (cover == null) {
                break;
            }
            BackendOutcome out = Backends.byName("scip").solve(cover.lp(), null, Deadline.in(60), 1,
                    new CancelToken(), x -> { });
            // as the solver counts it: a round cut short on a busy machine still proves its dual bound
            if (Double.isFinite(out.bound())) {
                best = Math.max(best, cover.energyBoundJ(out.bound()));
            }
            rounds.solved(out.x(), out.kind() == BackendOutcome.Kind.OPTIMAL);
        }
        // with one return per output (A_i, P_i) and every member's inputs' rows: 1.01197 x plain energy
        assertTrue(best > g.plainEnergyJ() * 1.015, "bound " + best / g.plainEnergyJ() + " x plain energy");
    }

    /** The programs of the solver's rounds ({@link CoverRounds}), each solved to optimality. */
    private static List<CoverProgram> rounds(TrainingGraph g, Budget b, List<CoverBound.Row> rows) {
        List<CoverProgram> programs = new java.util.ArrayList<>();
        CoverRounds rounds = new CoverRounds(g, b, rows, () -> false);
        for (CoverProgram cover = rounds.next(); cover != null && programs.size() < 5; cover = rounds.next()) {
            programs.add(cover);
            rounds.solved(solved(cover).x(), true);
        }
        assertTrue(programs.size() >= 1);
        return programs;
    }
}
