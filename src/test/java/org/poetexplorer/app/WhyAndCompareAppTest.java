package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.view.TimelineView;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.chart.TimelineData;
import org.poetexplorer.chart.TimelinePainter;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.ScheduleComparison.Decision;
import org.poetexplorer.solver.SolveResult;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Why this schedule, and compare, in the real window: on linear on m0 at 3.5 kB and 1.2x the
 * schedule recomputes layer4_ReLULayer; a click on that recomputation explains it beside the
 * node table; pinned as the baseline, a roomier budget shows the deltas and the nodes now
 * treated differently, and unpinning clears them.
 */
class WhyAndCompareAppTest extends AppWindowTest {
    private static final int RELU = 4;

    private String text(String id) {
        return ((Label) app.view().lookup(id)).getText();
    }

    @Test
    void aClickedRecomputationIsExplainedAndAPinnedBaselineShowsWhatChanges() throws Exception {
        launch(session("linear", "m0", new Budget(3500, 1.2, true, true), 10));
        SolveResult tight = awaitSettled(120);
        Operation recompute = tight.schedule().ops().stream()
                .filter(o -> o.kind() == OpKind.RECOMPUTE && o.node() == RELU).findFirst().orElseThrow();

        TimelineView timeline = app.view().timeline();
        TimeWindow w = app.view().timeWindow().get() != null ? app.view().timeWindow().get()
                : TimeWindow.fit(new TimelineData(tight.schedule()).totalS());
        double x = w.toX((recompute.startS() + recompute.endS()) / 2, ChartLayout.LEFT,
                ChartLayout.plotWidth(timeline.getWidth()));
        double laneH = (timeline.getHeight() - ChartLayout.AXIS_HEIGHT - TimelinePainter.TOP) / TimelineData.LANES.size();
        double y = TimelinePainter.TOP + 1.5 * laneH;
        Point2D at = timeline.localToScreen(x, y);
        robot.moveTo(at).clickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm().solving().selectedNodeProperty().get() == RELU);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "20-node-details");
        assertTrue(text("#detailsTitle").startsWith("layer4_ReLULayer"), text("#detailsTitle"));
        assertEquals("recomputed 1x", text("#detailsTreatment"));
        double computeJ = tight.graph().node(RELU).computeJ();
        assertTrue(text("#detailsRecompute").startsWith(Quantities.energy(computeJ)), text("#detailsRecompute"));
        assertTrue(text("#detailsWhy").startsWith("Recomputed 1 time"), text("#detailsWhy"));

        TabPane tabs = (TabPane) app.view().lookup("#bottomTabs");
        fx(() -> tabs.getSelectionModel().select(3));
        robot.clickOn("#pinBaseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#baselineDescription").startsWith("Baseline: linear, RAM 3.50 kB"),
                text("#baselineDescription"));

        long roomy = vm().inputs().plainPeakBytesProperty().get();
        javafx.scene.control.TextField ramField = app.view().inputs().budgets().ramField();
        robot.clickOn(ramField);
        fx(ramField::selectAll);
        robot.write(Long.toString(roomy)).type(KeyCode.ENTER);
        SolveResult plain = awaitSettled(120);
        assertEquals(roomy, plain.budget().ramBytes());
        @SuppressWarnings("unchecked")
        TableView<Decision> decisions = (TableView<Decision>) app.view().lookup("#decisionTable");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !decisions.getItems().isEmpty());
        Screenshots.save(stage.getScene(), "21-against-baseline");
        assertTrue(text("#baselineDeltas").startsWith("This schedule against the baseline: energy -"),
                text("#baselineDeltas"));
        Decision relu = decisions.getItems().stream().filter(d -> d.node() == RELU).findFirst().orElseThrow();
        assertEquals("recomputed 1x", relu.baseline().text());
        assertEquals("kept", relu.current().text());
        assertNotNull(vm().baseline().overlayProperty().get(), "the memory chart draws the baseline's curve");

        int other = decisions.getItems().stream().filter(d -> d.node() != RELU).findFirst().orElseThrow().node();
        fx(() -> decisions.getSelectionModel().select(
                decisions.getItems().stream().filter(d -> d.node() == other).findFirst().orElseThrow()));
        assertEquals(other, vm().solving().selectedNodeProperty().get(), "a differing decision selects its node");

        robot.clickOn("#unpinBaseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(decisions.getItems().isEmpty());
        assertNull(vm().baseline().overlayProperty().get());
        assertTrue(text("#baselineDescription").startsWith("No baseline"), text("#baselineDescription"));
    }
}
