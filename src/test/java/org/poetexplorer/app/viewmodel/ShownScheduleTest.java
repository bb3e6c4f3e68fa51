package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.app.tasks.SolveRequest;
import org.poetexplorer.chart.EnergyBar;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A large schedule reaches the window made ready off the JavaFX thread (summary, chart data,
 * node rows): what the window then shows is what working it out from the result at once gives.
 */
class ShownScheduleTest {
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final Notices notices = new Notices();
    private final ComparisonsViewModel comparisons = new ComparisonsViewModel(tasks);
    private SolvingViewModel solving;

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            solving.shutdown();
            comparisons.shutdown();
            tasks.shutdown();
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLargeScheduleShowsWhatItsResultSays() throws Exception {
        // 2,500 nodes under a budget above the plain peak: 5,000 operations, over the background threshold
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(2500, 0.3, 1)),
                DeviceFiles.builtIn("a72"), 1e-4);
        SolveRequest request = new SolveRequest(g, new Budget(Long.MAX_VALUE / 4, 1.5, true, true),
                new SolveOptions(org.poetexplorer.solver.backends.Backends.DEFAULT, 60, 1, 1e-6));
        WaitForAsyncUtils.asyncFx(() -> {
            solving = new SolvingViewModel(tasks, notices, comparisons, () -> request,
                    Duration.millis(1));
            solving.solve(request);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> solving.phaseProperty().get() == SolvingViewModel.Phase.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        SolveResult r = solving.resultProperty().get();
        ShownSchedule shown = solving.shownProperty().get();
        assertNotNull(r);
        assertTrue(r.hasSchedule(), r.status() + " " + r.message());
        assertTrue(r.schedule().ops().size() >= ShownSchedule.BACKGROUND_FROM_OPS, "large enough to be made ready in the background");
        assertSame(r, shown.result(), "the window's data is that of the result on screen");

        ShownSchedule atOnce = ShownSchedule.of(r);
        assertEquals(atOnce.summary(), shown.summary());
        assertEquals(atOnce.rows(), shown.rows());
        assertEquals(g.size(), shown.rows().size());
        assertEquals(atOnce.timeline().totalS(), shown.timeline().totalS());
        assertEquals(atOnce.memory().peakOp(), shown.memory().peakOp());
        assertEquals(atOnce.memory().bands().bands().size(), shown.memory().bands().bands().size());
        assertEquals(StatusLine.of(atOnce, new StatusLine.Context(false, false, null, r.lowerBoundJ(), null, null)),
                solving.statusProperty().get());
        assertEquals(EnergyBar.of("this schedule", r.schedule()),
                WaitForAsyncUtils.asyncFx(() -> comparisons.bars(shown, null).get(0)).get(5, TimeUnit.SECONDS),
                "the energy chart's bar of this schedule");
        SolveRecord recorded = solving.history().get(solving.history().size() - 1);
        assertEquals(ScheduleSummary.of(r.schedule()).energyJ(), recorded.energyJ());
        assertEquals(ScheduleSummary.of(r.schedule()).peakRamBytes(), recorded.peakRamBytes());
    }
}
