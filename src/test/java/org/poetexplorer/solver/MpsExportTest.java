package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.backends.MpsExport;
import org.poetexplorer.solver.backends.Natives;
import org.poetexplorer.solver.phases.StageFormulation;

/**
 * The plain section-4 model written as MPS, read back by HiGHS and solved, has the optimum our
 * engine proves with its reduced models: the reductions keep the optimum, and the export is
 * the model as the specification states it.
 */
class MpsExportTest {

    @ParameterizedTest
    @ValueSource(strings = {"linear-m0-tight", "linear-a72-paging-only", "linear-m0-tight without paging"})
    void thePlainModelReadByHighsHasTheOptimumTheEngineProves(String id) throws Exception {
        ReferenceData.Case c = ReferenceData.byId(id.split(" ")[0]);
        Budget budget = id.endsWith("without paging") ? c.budget().withPaging(false) : c.budget();
        StringWriter mps = new StringWriter();
        MpsExport.write(StageFormulation.plain(c.graph(), budget).lp(), mps);
        assertTrue(mps.toString().startsWith("NAME "));

        Natives.load();
        ModelBuilderHelper model = new ModelBuilderHelper();
        assertTrue(model.importFromMpsString(mps.toString()));
        int n = c.graph().size();
        assertEquals(5 * n * n + n * n + n * c.graph().edgeCount(), model.numVariables());
        ModelSolverHelper highs = new ModelSolverHelper("highs");
        highs.setSolverSpecificParameters("mip_rel_gap=1e-12\nmip_abs_gap=1e-12");
        highs.solve(model);
        assertEquals(SolveStatus.OPTIMAL, highs.getStatus());

        SolveResult ours = PoetSolver.solve(c.graph(), budget, new SolveOptions("scip", 0, 2), null, null);
        assertEquals(org.poetexplorer.solver.SolveStatus.OPTIMAL, ours.status(), ours.message());
        double energy = ScheduleSummary.of(ours.schedule()).energyJ();
        assertEquals(highs.getObjectiveValue(), energy, 1e-6 * energy);
        highs.delete();
        model.delete();
    }
}
