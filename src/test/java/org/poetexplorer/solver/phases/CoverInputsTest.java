package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.solver.phases.ProvenAnswers.bound;
import static org.poetexplorer.solver.phases.ProvenAnswers.optimum;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * The inputs of the cover program's computations: on a small generated graph where the outputs
 * worth dropping are computed from inputs long dead, the bound rises to the proven optimum of the
 * exact stage model, and never above it; when transfers take time, a page-in after an input's last
 * read spends its transfer time of the runtime budget too.
 */
class CoverInputsTest {

    @Test
    void theBoundWithInputsRisesToTheStageModelsOptimumAndNotAbove() throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, 6)),
                DeviceFiles.builtIn("m4"), 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2.0, false, true);
        double without = bound(CoverProgram.build(g, b, () -> false, false));
        double with = bound(CoverProgram.build(g, b, () -> false, true));

        double optimum = optimum(g, b);

        assertTrue(with > without * (1 + 0.01), "with inputs " + with + ", without " + without);
        assertTrue(with <= optimum * (1 + 1e-9), "bound " + with + " above the optimum " + optimum);
        assertTrue(with >= optimum * (1 - 1e-6), "bound " + with + " below the optimum " + optimum);
    }

    @Test
    void whenTransfersTakeTimeTheLatePageInsSpendRuntimeAndTheBoundStaysBelowTheOptimum() throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, 6)),
                DeviceFiles.builtIn("m4"), 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.7), 1.5, true, true).withTransfersTakeTime(true);
        CoverProgram cover = CoverProgram.build(g, b, () -> false, true);
        LinearModel lp = cover.lp();
        Map<Integer, Double> runtime = new HashMap<>();
        for (int r = 0; r < lp.numRows(); r++) {
            if (lp.rowName(r).equals("runtime")) {
                for (int k = lp.rowStart(r); k < lp.rowEnd(r); k++) {
                    runtime.put(lp.entryCol(k), lp.entryCoef(k));
                }
            }
        }
        int late = 0;
        for (int j = 0; j < lp.numVars(); j++) {
            if (lp.varName(j).startsWith("F_")) {
                int d = Integer.parseInt(lp.varName(j).substring(2));
                assertEquals(g.pageInS(d) / g.plainRuntimeS(), runtime.getOrDefault(j, 0.0), 1e-12, lp.varName(j));
                late++;
            }
        }
        assertTrue(late > 0, "no late page-in on this graph");

        double optimum = optimum(g, b);
        double bound = bound(cover);
        assertTrue(bound <= optimum * (1 + 1e-9), "bound " + bound + " above the optimum " + optimum);
    }
}
