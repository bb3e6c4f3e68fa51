package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;

/**
 * The inputs of the cover program's computations: on a small generated graph where the outputs
 * worth dropping are computed from inputs long dead, the bound rises to the proven optimum of the
 * exact stage model, and never above it.
 */
class CoverInputsTest {

    @Test
    void theBoundWithInputsRisesToTheStageModelsOptimumAndNotAbove() throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, 6)),
                DeviceFiles.builtIn("m4"), 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2.0, false, true);
        double without = bound(CoverProgram.build(g, b, () -> false, false));
        double with = bound(CoverProgram.build(g, b, () -> false, true));

        StageModel exact = StageFormulation.reduced(g, b, false);
        BackendOutcome out = Backends.byName("scip").solve(exact.lp(), null, Deadline.in(30), 1, new CancelToken(),
                x -> { });
        assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
        double optimum = exact.energyJ(out.objective());

        assertTrue(with > without * (1 + 0.01), "with inputs " + with + ", without " + without);
        assertTrue(with <= optimum * (1 + 1e-9), "bound " + with + " above the optimum " + optimum);
        assertTrue(with >= optimum * (1 - 1e-6), "bound " + with + " below the optimum " + optimum);
    }

    private static double bound(CoverProgram cover) {
        BackendOutcome out = Backends.byName("scip").solve(cover.lp(), null, Deadline.in(30), 1, new CancelToken(),
                x -> { });
        assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
        return cover.energyBoundJ(out.bound());
    }
}
