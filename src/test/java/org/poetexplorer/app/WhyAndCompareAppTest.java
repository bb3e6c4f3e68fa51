package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.view.TimelineView;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.chart.TimelineData;
import org.poetexplorer.chart.TimelinePainter;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.NodeTreatment;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.ScheduleComparison.Decision;
import org.poetexplorer.solver.SolveResult;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Why this schedule, and compare, in the real window: on linear on m0 at 3.5 kB and 1.2x the
 * schedule recomputes or pages some nodes; a click on the longest such operation explains it
 * beside the node table; pinned as the baseline, the plain peak as budget (where every output
 * is kept) shows the deltas and lists exactly those nodes, and unpinning clears them.
 */
class WhyAndCompareAppTest extends AppWindowTest {
    private String text(String id) {
        return ((Label) app.view().lookup(id)).getText();
    }

    @Test
    void aClickedRecomputationIsExplainedAndAPinnedBaselineShowsWhatChanges() throws Exception {
        launch(session("linear", "m0", new Budget(3500, 1.2, true, true), 2));
        SolveResult tight = awaitSettled(120);
        Operation chosen = tight.schedule().ops().stream()
                .filter(o -> o.kind() == OpKind.RECOMPUTE || o.kind() == OpKind.PAGE_OUT || o.kind() == OpKind.PAGE_IN)
                .max(Comparator.comparingDouble(Operation::durationS)).orElseThrow();
        int node = chosen.node();
        NodeTreatment treatment = NodeTreatment.of(tight.schedule()).get(node);

        TimelineView timeline = app.view().timeline();
        TimeWindow w = app.view().timeWindow().get() != null ? app.view().timeWindow().get()
                : TimeWindow.fit(new TimelineData(tight.schedule()).totalS());
        double x = w.toX((chosen.startS() + chosen.endS()) / 2, ChartLayout.LEFT,
                ChartLayout.plotWidth(timeline.getWidth()));
        double laneH = (timeline.getHeight() - ChartLayout.AXIS_HEIGHT - TimelinePainter.TOP) / TimelineData.LANES.size();
        double y = TimelinePainter.TOP + (TimelineData.LANES.indexOf(chosen.kind()) + 0.5) * laneH;
        Point2D at = timeline.localToScreen(x, y);
        robot.clickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm().solving().selectedNodeProperty().get() == node);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "20-node-details");
        GraphNode n = tight.graph().node(node);
        assertTrue(text("#detailsTitle").startsWith(n.name() + " (" + n.type() + ")"), text("#detailsTitle"));
        assertEquals(treatment.text(), text("#detailsTreatment"));
        assertTrue(text("#detailsRecompute").startsWith(Quantities.energy(n.computeJ())), text("#detailsRecompute"));
        assertTrue(text("#detailsRoundTrip").startsWith(Quantities.energy(n.pageOutJ() + n.pageInJ())),
                text("#detailsRoundTrip"));
        assertTrue(text("#detailsWhy").startsWith(treatment.recomputes() > 0 ? "Recomputed" : "Paged out"),
                text("#detailsWhy"));

        TabPane tabs = (TabPane) app.view().lookup("#bottomTabs");
        fx(() -> tabs.getSelectionModel().select(3));
        robot.clickOn("#pinBaseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#baselineDescription").startsWith("Baseline: linear, RAM 3.50 kB"),
                text("#baselineDescription"));

        long roomy = vm().inputs().plainPeakBytesProperty().get();
        TextField ramField = app.view().inputs().budgets().ramField();
        fx(() -> {
            ramField.requestFocus();
            ramField.setText(Long.toString(roomy));
        });
        robot.type(KeyCode.ENTER);
        SolveResult plain = awaitSettled(120);
        assertEquals(roomy, plain.budget().ramBytes());
        @SuppressWarnings("unchecked")
        TableView<Decision> decisions = (TableView<Decision>) app.view().lookup("#decisionTable");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !decisions.getItems().isEmpty());
        Screenshots.save(stage.getScene(), "21-against-baseline");
        assertTrue(text("#baselineDeltas").startsWith("This schedule against the baseline: energy -"),
                text("#baselineDeltas"));
        List<NodeTreatment> before = NodeTreatment.of(tight.schedule());
        List<Integer> changed = IntStream.range(0, before.size()).filter(i -> !before.get(i).kept()).boxed().toList();
        assertEquals(changed, decisions.getItems().stream().map(Decision::node).toList(),
                "at the plain peak every output is kept: the nodes the baseline recomputed or paged differ");
        Decision mine = decisions.getItems().stream().filter(d -> d.node() == node).findFirst().orElseThrow();
        assertEquals(treatment, mine.baseline());
        assertEquals("kept", mine.current().text());
        assertNotNull(vm().baseline().overlayProperty().get(), "the memory chart draws the baseline's curve");

        Decision last = decisions.getItems().get(decisions.getItems().size() - 1);
        fx(() -> decisions.getSelectionModel().select(last));
        assertEquals(last.node(), vm().solving().selectedNodeProperty().get(), "a differing decision selects its node");

        robot.clickOn("#unpinBaseline");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(decisions.getItems().isEmpty());
        assertNull(vm().baseline().overlayProperty().get());
        assertTrue(text("#baselineDescription").startsWith("No baseline"), text("#baselineDescription"));
    }
}
