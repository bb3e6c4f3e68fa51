package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.app.tasks.SolveRequest;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.backends.Backends;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The energy chart's remat-only and paging-only bars always come to a final state, with the
 * real engine on the smallest catalog network: a comparison solve that fails says why and the
 * next one still runs; after a solve without a schedule neither stays "pending".
 */
class ComparisonsViewModelTest {
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final ComparisonsViewModel comparisons = new ComparisonsViewModel(tasks);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(tasks::shutdown);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TrainingGraph linear() throws Exception {
        return Catalog.build("linear", DeviceFiles.builtIn("m0"));
    }

    private static SolveResult solve(TrainingGraph g, Budget b) {
        return PoetSolver.solve(g, b, new SolveOptions(Backends.DEFAULT, 1, 1), null, null);
    }

    private List<String> notes(SolveResult main) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> comparisons.bars(ShownSchedule.of(main), null).stream()
                .map(b -> b.hasEnergy() ? "energy" : b.note()).toList()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFailedComparisonSaysWhyAndTheNextOneStillRuns() throws Exception {
        TrainingGraph g = linear();
        Budget budget = new Budget(Plans.plainPeakBytes(g), 1.5, true, true);
        SolveResult main = solve(g, budget);
        assertTrue(main.hasSchedule(), main.status().toString());
        // the comparisons are solved with a solver the engine does not know, so each of them fails
        SolveRequest request = new SolveRequest(g, budget, new SolveOptions("no-such-solver", 1, 1));

        WaitForAsyncUtils.asyncFx(() -> comparisons.mainFinished(request, main));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> comparisons.rematOnlyProperty().get() != null
                && comparisons.pagingOnlyProperty().get() != null);

        List<String> notes = notes(main);
        assertEquals(3, notes.size(), notes.toString());
        for (String note : notes.subList(1, 3)) {
            assertTrue(note.startsWith("failed: ") && note.contains("no-such-solver"), notes.toString());
        }
    }

    @Test
    void afterAnInfeasibleSolveNeitherComparisonStaysPending() throws Exception {
        TrainingGraph g = linear();
        Budget budget = new Budget(1, 1.5, true, true);
        SolveResult main = solve(g, budget);
        assertEquals(SolveStatus.INFEASIBLE, main.status());

        WaitForAsyncUtils.asyncFx(() -> comparisons.mainFinished(
                new SolveRequest(g, budget, new SolveOptions(Backends.DEFAULT, 1, 1)), main));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("infeasible", "infeasible", "infeasible"),
                notes(main).stream().filter(n -> !n.equals("energy")).toList(),
                "this schedule, remat only and paging only: none of them fits");
        assertTrue(notes(main).stream().noneMatch("pending"::equals));
    }
}
