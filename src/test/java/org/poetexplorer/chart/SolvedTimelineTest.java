package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.backends.Backends;

/**
 * The timeline of a real solve tells the same time as the status: linear on a72 at 3,500 B and
 * 1.0x must page (measured: OPTIMAL with four transfers, each longer than its stage, and the
 * computations using the whole runtime budget).
 */
class SolvedTimelineTest {
    private static final int W = 1000;
    private static final int H = 300;

    private static SolveResult solve() {
        TrainingGraph g = ReferenceData.graph("linear", "a72");
        return PoetSolver.solve(g, new Budget(3500, 1.0, true, true), new SolveOptions(Backends.DEFAULT, 60, 1),
                null, null);
    }

    @Test
    void anOptimalPagingScheduleComputesWithinItsRuntimeBudgetWithTransfersBesideTheComputations() {
        SolveResult r = solve();
        assertEquals(SolveStatus.OPTIMAL, r.status());
        Schedule s = r.schedule();
        TimelineData d = new TimelineData(s);
        List<Operation> ops = s.ops();
        double serialS = ops.stream().mapToDouble(Operation::durationS).sum();
        assertTrue(serialS > d.runtimeBudgetS(), "drawn in series, the transfers would overrun the budget");
        assertTrue(d.computeEndS() <= d.runtimeBudgetS() * (1 + 1e-9),
                "the last computation ends at " + d.computeEndS() + " s, within the budget " + d.runtimeBudgetS() + " s");
        double[] clock = s.computeClockS();
        int transfers = 0;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            if (!op.kind().isTransfer()) {
                continue;
            }
            transfers++;
            int first = k;
            while (first > 0 && ops.get(first - 1).stage() == op.stage()) {
                first--;
            }
            double stageStart = first == 0 ? 0 : clock[first - 1];
            Operation before = ops.get(k - 1);
            double expected = before.stage() == op.stage() && before.kind().isTransfer() ? before.endS() : stageStart;
            assertEquals(expected, op.startS(), 1e-15, "operation " + k + " starts at its stage's start or after the "
                    + "transfer before it");
            assertTrue(op.startS() >= stageStart && op.startS() <= d.stageComputeEndS(op.stage()),
                    "operation " + k + " starts within stage " + op.stage());
        }
        assertTrue(transfers > 0, "the schedule pages");
    }

    @Test
    void theRuntimeBudgetIsMarkedOnTheTimeAxis() {
        TimelineData d = new TimelineData(solve().schedule());
        TimeWindow w = new TimeWindow(0, 1.25 * d.runtimeBudgetS());
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        new TimelinePainter(d, w, -1, -1).paint(g, W, H);
        g.dispose();
        int x = (int) Math.round(w.toX(d.runtimeBudgetS(), ChartLayout.LEFT, ChartLayout.plotWidth(W)));
        double laneMiddle = TimelinePainter.TOP + (H - ChartLayout.AXIS_HEIGHT - TimelinePainter.TOP) / 8;
        assertEquals(Palette.BUDGET.getRGB(), img.getRGB(x, (int) laneMiddle), "a line at the budget across the lanes");
    }
}
