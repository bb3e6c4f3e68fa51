package org.poetexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.ShownSchedule;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.RangeFigures;
import org.poetexplorer.schedule.Schedule;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The figures of a selected stretch of a large schedule, summed in the background: they are
 * those of the stretch selected last, and clearing the stretch clears them at once.
 */
class TimeNavigationTest {
    private ExplorerViewModel vm;

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.shutdown()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLargeSchedulesStretchAddsUpAsItsOperationsDo() throws Exception {
        // 2,500 nodes computed once and freed: 5,000 operations, summed in the background
        Schedule s = Plans.plainSchedule(NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(2500, 0.3,
                1)), DeviceFiles.builtIn("a72"), 1e-4));
        assertTrue(s.ops().size() >= ShownSchedule.BACKGROUND_FROM_OPS);
        vm = WaitForAsyncUtils.asyncFx(() -> new ExplorerViewModel(new AppSettings())).get(5, TimeUnit.SECONDS);
        TimeNavigation nav = WaitForAsyncUtils.asyncFx(() -> new TimeNavigation(new SimpleObjectProperty<>(),
                () -> s, vm)).get(5, TimeUnit.SECONDS);
        double end = s.endS();
        TimeWindow first = new TimeWindow(0.1 * end, 0.6 * end);
        TimeWindow last = new TimeWindow(0.25 * end, 0.5 * end);
        WaitForAsyncUtils.asyncFx(() -> {
            nav.rangeProperty().set(first);
            nav.rangeProperty().set(last); // a drag: the second stretch replaces the first before it is summed
        }).get(5, TimeUnit.SECONDS);
        RangeFigures expected = RangeFigures.of(s, last.startS(), last.endS());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(nav.rangeFiguresProperty().get()));
        assertTrue(expected.operations() > 0 && expected.operations() < s.ops().size(), expected::toString);

        WaitForAsyncUtils.asyncFx(() -> nav.rangeProperty().set(null)).get(5, TimeUnit.SECONDS);
        assertNull(nav.rangeFiguresProperty().get(), "no stretch, no figures");
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(nav.rangeFiguresProperty().get(), "and none come back from the background");
    }
}
