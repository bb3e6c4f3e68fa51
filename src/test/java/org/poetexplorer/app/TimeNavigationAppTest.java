package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void wsZoomAndAdPanTheFocusedChartNotASliderOrAFieldTheOverviewMovesTheViewAndHoverReadsOutValues() throws Exception {
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
        // a new RAM budget may refit the view to its schedule, which is the whole schedule here as well
        assertSameWindow(atSlider, visible(s), "the slider keeps its keys");
        robot.clickOn("#ramField");
        robot.type(KeyCode.W, KeyCode.S);
        assertSameWindow(atSlider, visible(s), "typing in a field does not zoom");
        // the click on the slider set another budget: its schedule, when it comes, shows whole
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            var r = vm().solving().resultProperty().get();
            return r != null && r.budget().ramBytes() == vm().inputs().ramBudgetProperty().get();
        });
        Schedule now = awaitSettled(60).schedule();
        fx(() -> app.view().navigation().zoomIn());
        TimeWindow zoomedIn = visible(now);

        javafx.scene.Node overview = robot.lookup("#overview").query();
        double pw = ChartLayout.plotWidth(overview.getLayoutBounds().getWidth());
        double x = ChartLayout.LEFT + 0.75 * pw;
        robot.clickOn(overview.localToScreen(x, overview.getLayoutBounds().getHeight() / 2));
        TimeWindow moved = visible(now);
        double wanted = TimeWindow.fit(now.endS()).toTime(x, ChartLayout.LEFT, pw);
        assertEquals(wanted, (moved.startS() + moved.endS()) / 2, TimeWindow.fit(now.endS()).span() / pw * 1.5,
                "a press on the overview centres the view there");
        assertEquals(zoomedIn.span(), moved.span(), zoomedIn.span() * 1e-9, "keeping the zoom");

        org.poetexplorer.app.view.MemoryView memory = app.view().memory();
        fx(() -> app.view().navigation().fit());
        robot.moveTo(memory.localToScreen(ChartLayout.LEFT + ChartLayout.plotWidth(memory.getWidth()) / 2,
                memory.getHeight() - ChartLayout.AXIS_HEIGHT - 3));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> memory.hoverCard().isVisible());
        String readout = memory.hoverCard().getText();
        assertTrue(s.graph().nodes().stream().anyMatch(n -> readout.startsWith(n.name() + " ("))
                || readout.contains("small outputs"), readout);
        assertTrue(readout.contains("RAM in use"), readout);
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        int picked = vm().solving().selectedNodeProperty().get();
        assertTrue(picked >= 0 && readout.startsWith(s.graph().node(picked).name() + " ("),
                "a click on a band selects its node: " + picked + " for " + readout);

        javafx.scene.control.TabPane tabs = robot.lookup("#bottomTabs").queryAs(javafx.scene.control.TabPane.class);
        fx(() -> tabs.getSelectionModel().select(2));
        org.poetexplorer.app.view.ChartCanvas energy = app.view().tradeoffCharts().energyChart();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> energy.getScene() != null && energy.getWidth() > 100);
        ChartCanvasHit hit = ChartCanvasHit.find(energy, app.view().tradeoffCharts().energyPainter());
        robot.moveTo(hit.screen());
        javafx.scene.control.Label card = robot.lookup("#tradeoffEnergyReadout").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, card::isVisible);
        assertTrue(card.getText().startsWith("RAM budget ") && card.getText().contains("energy "), card.getText());

        robot.clickOn(timeline.localToScreen(timeline.getWidth() / 2, 4));
        robot.write("?");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#helpText").queryAll().isEmpty());
        String keys = robot.lookup("#helpText").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(keys.contains("W / S") && keys.contains("Cancel Solve") && keys.contains("Find Node"),
                "? shows the one list of shortcuts, the chart keys with the menus': " + keys);
    }

    @Test
    void findSelectsAMatchByNameAndOutlinesTheMatchesThenADragOnTheTimeAxisSumsItsOperationsAndEscClearsAll()
            throws Exception {
        launchSolved("linear", "m0");
        Schedule s = vm().solving().resultProperty().get().schedule();
        TimelineView timeline = app.view().timeline();
        int wanted = s.ops().get(s.ops().size() / 2).node();
        String name = s.graph().node(wanted).name();

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write(name);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int selected = vm().solving().selectedNodeProperty().get();
        assertTrue(selected >= 0 && s.graph().node(selected).name().toLowerCase().contains(name.toLowerCase()),
                "Enter selects a node whose name contains " + name + ", not " + selected);
        javafx.scene.control.Label count = robot.lookup("#searchCount").queryAs(javafx.scene.control.Label.class);
        assertTrue(count.getText().startsWith("1 of "), count.getText());
        assertTrue(pixelsOf(timeline, org.poetexplorer.chart.Palette.MATCH) > 20, "matches are outlined");

        double y = timeline.getHeight() - ChartLayout.AXIS_HEIGHT / 2.0;
        Point2D from = timeline.localToScreen(ChartLayout.LEFT + 1, y);
        Point2D to = timeline.localToScreen(ChartLayout.LEFT + ChartLayout.plotWidth(timeline.getWidth()) - 1, y);
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        RangeFigures f = app.view().navigation().rangeFiguresProperty().get();
        assertNotNull(f, "a drag on the time axis selects a stretch of time");
        ScheduleSummary sum = ScheduleSummary.of(s);
        assertEquals(sum.counts().total() - sum.counts().free(), f.operations(), "the whole schedule is inside");
        assertEquals(sum.energyJ(), f.energyJ(), sum.energyJ() * 1e-9);
        assertEquals(sum.runtimeS(), f.computeS(), sum.runtimeS() * 1e-9);

        robot.type(KeyCode.ESCAPE);
        assertNull(app.view().navigation().rangeFiguresProperty().get(), "Esc clears the stretch");
        assertEquals(-1, vm().solving().selectedNodeProperty().get(), "the selection");
        assertEquals("", robot.lookup("#searchField").queryAs(javafx.scene.control.TextField.class).getText(),
                "and the search");
        assertEquals(0, pixelsOf(timeline, org.poetexplorer.chart.Palette.MATCH));
    }

    private static void assertSameWindow(TimeWindow expected, TimeWindow actual, String message) {
        assertEquals(expected.startS(), actual.startS(), expected.span() * 1e-9, message);
        assertEquals(expected.endS(), actual.endS(), expected.span() * 1e-9, message);
    }

    /** A place on a trade-off chart where a point is. */
    private record ChartCanvasHit(Point2D screen) {
        static ChartCanvasHit find(org.poetexplorer.app.view.ChartCanvas chart,
                org.poetexplorer.chart.TradeoffPainter painter) {
            for (double y = 0; y < chart.getHeight(); y += 1) {
                for (double x = 0; x < chart.getWidth(); x += 2) {
                    if (painter.pointAt(chart.getWidth(), chart.getHeight(), x, y) != null) {
                        // the top of a point's 6-pixel reach: its middle is 6 pixels lower
                        return new ChartCanvasHit(chart.localToScreen(x, y + 6));
                    }
                }
            }
            throw new AssertionError("no point on the trade-off chart");
        }
    }

    /** How many pixels of the chart on screen are of {@code colour}. */
    private static int pixelsOf(javafx.scene.Node chart, java.awt.Color colour) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        fx(() -> shot[0] = chart.snapshot(null, null));
        javafx.scene.image.PixelReader px = shot[0].getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) shot[0].getHeight(); y++) {
            for (int x = 0; x < (int) shot[0].getWidth(); x++) {
                if ((px.getArgb(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}
