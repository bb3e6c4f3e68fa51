package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.view.TimelineView;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.schedule.RangeFigures;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard and range navigation of the timeline, as in trace viewers. */
class TimeNavigationAppTest extends AppWindowTest {

    private TimeWindow visible(Schedule s) {
        TimeWindow w = app.view().timeWindow().get();
        return w != null ? w : TimeWindow.fit(s.endS());
    }

    @Test
    void wsZoomAndAdPanTheFocusedTimelineButNotASliderOrATextField() throws Exception {
        launchSolved("linear", "m0");
        Schedule s = vm().solving().resultProperty().get().schedule();
        TimelineView timeline = app.view().timeline();
        robot.moveTo(timeline.localToScreen(timeline.getWidth() / 2, 4)); // above the plot: no operation there
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, timeline::isFocused);
        TimeWindow before = visible(s);

        robot.type(KeyCode.W);
        TimeWindow zoomed = visible(s);
        assertEquals(before.span() / 1.5625, zoomed.span(), before.span() * 1e-9, "W zooms in by 1.5625x");

        robot.type(KeyCode.D);
        TimeWindow panned = visible(s);
        assertEquals(zoomed.startS() + 0.2 * zoomed.span(), panned.startS(), zoomed.span() * 1e-9,
                "D moves a fifth of the window later");
        assertEquals(zoomed.span(), panned.span(), zoomed.span() * 1e-9);
        robot.type(KeyCode.A);
        assertEquals(zoomed.startS(), visible(s).startS(), zoomed.span() * 1e-9, "A moves back");
        robot.type(KeyCode.S);
        assertEquals(before.span(), visible(s).span(), before.span() * 1e-9, "S zooms out as much");

        TimeWindow atSlider = visible(s);
        robot.clickOn("#ramSlider");
        robot.type(KeyCode.W, KeyCode.D);
        assertEquals(atSlider, visible(s), "the slider keeps its keys");
        robot.clickOn("#ramField");
        robot.type(KeyCode.W, KeyCode.S);
        assertEquals(atSlider, visible(s), "typing in a field does not zoom");
    }

    @Test
    void aDragOnTheTimeAxisSumsTheOperationsInsideAndEscClearsIt() throws Exception {
        launchSolved("linear", "m0");
        Schedule s = vm().solving().resultProperty().get().schedule();
        TimelineView timeline = app.view().timeline();
        double y = timeline.getHeight() - ChartLayout.AXIS_HEIGHT / 2.0;
        double left = ChartLayout.LEFT + 1;
        double right = ChartLayout.LEFT + ChartLayout.plotWidth(timeline.getWidth()) - 1;
        Point2D from = timeline.localToScreen(left, y);
        Point2D to = timeline.localToScreen(right, y);
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();

        RangeFigures f = app.view().navigation().rangeFiguresProperty().get();
        assertNotNull(f, "a drag on the time axis selects a stretch of time");
        ScheduleSummary sum = ScheduleSummary.of(s);
        assertEquals(sum.counts().total() - sum.counts().free(), f.operations(), "every operation is inside");
        assertEquals(sum.energyJ(), f.energyJ(), sum.energyJ() * 1e-9);
        assertEquals(sum.runtimeS(), f.computeS(), sum.runtimeS() * 1e-9);

        fx(() -> vm().solving().selectedNodeProperty().set(2));
        robot.type(KeyCode.ESCAPE);
        assertNull(app.view().navigation().rangeFiguresProperty().get(), "Esc clears the range");
        assertEquals(-1, vm().solving().selectedNodeProperty().get(), "and the selection");
    }
}
