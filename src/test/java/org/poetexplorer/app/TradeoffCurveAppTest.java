package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.view.ChartCanvas;
import org.poetexplorer.app.view.TradeoffPane;
import org.poetexplorer.app.viewmodel.TradeoffViewModel;
import org.poetexplorer.chart.TradeoffPainter;
import org.poetexplorer.chart.TradeoffPoint;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.Sweep;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Trade-off curve" action end to end, headless (Monocle), with the real engine on the
 * smallest catalog network: a real click on the button traces the curve in the background,
 * and a real click on one of its points loads that budget, which is solved.
 */
class TradeoffCurveAppTest extends AppWindowTest {
    @Test
    void theCurveIsTracedInTheBackgroundAndClickingAPointLoadsItsBudget() throws Exception {
        launchSolved("linear", "m0");

        TabPane tabs = (TabPane) app.view().lookup("#bottomTabs");
        fx(() -> tabs.getSelectionModel().select(2));
        TradeoffPane pane = (TradeoffPane) app.view().lookup("#tradeoffPane");
        TradeoffViewModel sweep = vm().tradeoff();
        robot.clickOn("#tradeoffCurveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sweep.runningProperty().get()
                || sweep.sweepPoints().size() == TradeoffViewModel.POINTS);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !sweep.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "tradeoff-curve-linear-m0");

        assertEquals(TradeoffViewModel.POINTS, sweep.sweepPoints().size(), "one point per budget");
        assertTrue(sweep.sweepPoints().stream().allMatch(p -> p.source() != Sweep.Source.CANCELLED));
        assertTrue(sweep.sweepPoints().stream().anyMatch(p -> p.status() == SolveStatus.OPTIMAL), "the largest budget fits the plain schedule");
        List<TradeoffPoint> drawn = pane.charts().points(true);
        assertTrue(drawn.size() >= TradeoffViewModel.POINTS, "every budget of the curve is drawn: " + drawn.size());
        assertTrue(drawn.stream().filter(TradeoffPoint::feasible).count() >= TradeoffViewModel.POINTS - 1,
                "linear on m0 has schedules from the least RAM up (the first budget is that least RAM)");

        long before = vm().inputs().ramBudgetProperty().get();
        ChartCanvas chart = pane.charts().energyChart();
        Point2D target = null;
        TradeoffPoint picked = null;
        TradeoffPainter painter = pane.charts().energyPainter();
        for (double y = 0; y < chart.getHeight() && target == null; y += 2) {
            for (double x = 0; x < chart.getWidth(); x += 2) {
                TradeoffPoint p = painter.pointAt(chart.getWidth(), chart.getHeight(), x, y);
                if (p != null && p.feasible() && Math.round(p.ramBudgetBytes()) != before
                        && isNearest(painter, chart, x, y, p)) {
                    target = new Point2D(x, y);
                    picked = p;
                    break;
                }
            }
        }
        assertNotNull(target, "a point of the curve other than the current budget is on screen");
        robot.clickOn(chart.localToScreen(target.getX(), target.getY()), javafx.scene.input.MouseButton.PRIMARY);
        long wanted = Math.round(picked.ramBudgetBytes());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().inputs().ramBudgetProperty().get() == wanted);
        SolveResult r = awaitSettled(120);
        Screenshots.save(stage.getScene(), "tradeoff-curve-point-loaded");
        assertEquals(wanted, r.budget().ramBytes(), "the clicked budget is solved");
        assertTrue(r.hasSchedule() && r.status() != SolveStatus.INFEASIBLE);
        assertTrue(pane.charts().points(true).stream()
                .anyMatch(p -> p.current() && Math.round(p.ramBudgetBytes()) == wanted), "the loaded budget is the marked point");

        javafx.scene.control.Label message = (javafx.scene.control.Label) app.view().lookup("#tradeoffMessage");
        assertTrue(message.getText().startsWith("Trade-off curve"), message.getText());
        fx(() -> vm().inputs().selectNetwork(new org.poetexplorer.io.NetworkSource.CatalogNetwork("transformer")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> "transformer".equals(vm().inputs().graphProperty().get().name()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sweep.sweepPoints().isEmpty(), "another network: the curve's points go");
        assertEquals("", message.getText(), "and so do its words");
    }

    /** Whether (x, y) picks exactly {@code p}, with no other point as close (a click there cannot miss). */
    private static boolean isNearest(TradeoffPainter painter, ChartCanvas chart, double x, double y, TradeoffPoint p) {
        return painter.pointAt(chart.getWidth(), chart.getHeight(), x + 1, y) == p
                && painter.pointAt(chart.getWidth(), chart.getHeight(), x - 1, y) == p
                && painter.pointAt(chart.getWidth(), chart.getHeight(), x, y + 1) == p
                && painter.pointAt(chart.getWidth(), chart.getHeight(), x, y - 1) == p;
    }
}
