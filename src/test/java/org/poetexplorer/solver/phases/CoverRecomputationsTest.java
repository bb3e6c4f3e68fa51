package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.solver.phases.ProvenAnswers.optimum;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/**
 * RAM at the cover program's recomputations: on small generated graphs where a recomputation's
 * moment is the tight one, its rows raise the program's bound, up to the exact stage model's
 * proven optimum on one of them and never above it.
 */
class CoverRecomputationsTest {

    @Test
    void theRowsRaiseTheBoundToTheStageModelsOptimumAndNotAbove() throws Exception {
        TrainingGraph g = graph(17);
        Budget b = budget(g);
        double optimum = optimum(g, b);
        double without = bound(g, b, false);
        double with = bound(g, b, true);
        assertTrue(without < optimum * (1 - 1e-3), "without the rows " + without + ", optimum " + optimum);
        assertTrue(with <= optimum * (1 + 1e-9), "bound " + with + " above the optimum " + optimum);
        assertTrue(with >= optimum * (1 - 1e-6), "bound " + with + " below the optimum " + optimum);
    }

    @Test
    void whereTheyDoNotCloseTheGapTheyStillRaiseTheBoundAndStayBelowTheOptimum() throws Exception {
        TrainingGraph g = graph(21);
        Budget b = budget(g);
        double optimum = optimum(g, b);
        double without = bound(g, b, false);
        double with = bound(g, b, true);
        assertTrue(with > without * (1 + 0.02), "with the rows " + with + ", without " + without);
        assertTrue(with <= optimum * (1 + 1e-9), "bound " + with + " above the optimum " + optimum);
    }

    private static TrainingGraph graph(long seed) throws Exception {
        return NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(20, 0.27, 0.75, 0.2, 0.14, seed)),
                DeviceFiles.builtIn("m4"), 1e-4);
    }

    private static Budget budget(TrainingGraph g) {
        return new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2.0, false, true);
    }

    /** The program with every output's inputs' rows, with or without the rows at recomputations. */
    private static double bound(TrainingGraph g, Budget b, boolean atRecomputations) {
        boolean[] all = new boolean[g.size()];
        Arrays.fill(all, true);
        List<CoverBound.Row> rows = CoverBound.rows(g, b);
        CoverProgram cover = CoverProgram.build(g, b, rows, () -> false, all, Integer.MAX_VALUE, atRecomputations);
        return ProvenAnswers.bound(cover);
    }
}
