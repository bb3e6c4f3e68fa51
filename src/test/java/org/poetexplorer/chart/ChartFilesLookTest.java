package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/** What an exported chart looks like away from the window: titled, drawn without clips, with readable axes. */
class ChartFilesLookTest {
    private static SolveResult result(Schedule s, SolveStatus status) {
        return new SolveResult(s.graph(), s.budget(), "scip", status, null, status == SolveStatus.INFEASIBLE ? null : s,
                null, null, 0.1, null);
    }

    private static String svg(ChartSet set, ChartKind k) {
        return ChartImages.svgDocument(set.painter(k), k.width(), k.height(), "t");
    }

    @Test
    void exportedChartsSayWhatTheyShowAndUseNoClipPaths() throws Exception {
        SolveResult r = result(ChartFixtures.schedule(), SolveStatus.OPTIMAL);
        ChartSet files = ChartSet.forSolve(r).titled(ChartSet.context(r, "linear", "a72"));
        for (ChartKind k : ChartKind.values()) {
            String doc = svg(files, k);
            assertFalse(doc.contains("clip"), k + ": some renderers draw clipped groups blank");
            assertTrue(doc.contains(k.title() + " \u2014 linear on a72, RAM budget 1.00 kB, runtime budget 2x"), k
                    + " has its title line");
            assertTrue(doc.contains("OPTIMAL"), k + " names the status");
        }
        assertFalse(svg(files, ChartKind.MEMORY).contains("click"), "a file cannot be clicked");
    }

    @Test
    void anInfeasibleSolveDrawsEmptyChartsThatSayWhyWithoutATimeAxis() throws Exception {
        ChartSet set = ChartSet.forSolve(result(ChartFixtures.schedule(), SolveStatus.INFEASIBLE));
        for (ChartKind k : List.of(ChartKind.TIMELINE, ChartKind.MEMORY)) {
            String doc = svg(set, k);
            assertTrue(doc.contains(">No schedule fits these budgets<"), k + " says why it is empty");
            assertFalse(doc.contains(">0 s<") || doc.contains(">1 s<"), k + " has no time axis to misread");
        }
    }

    @Test
    void axisLabelsNeverRepeatOnANarrowRange() {
        List<Double> ticks = Ticks.labelled(7.88951, 7.88957, 8, Quantities::energy);
        Set<String> labels = new HashSet<>();
        for (double t : ticks) {
            assertTrue(labels.add(Quantities.energy(t)), "repeated label " + Quantities.energy(t) + " in " + ticks);
        }
        assertFalse(ticks.isEmpty());
        assertEquals(List.of(0.0, 0.02, 0.04, 0.06, 0.08, 0.1), Ticks.labelled(0, 0.1, 5, v -> String.valueOf(v)).stream()
                .map(v -> Math.round(v * 1e9) / 1e9).toList(), "a wide range keeps its ticks");
    }

    @Test
    void aSinglePointsPeakEqualsBudgetGuideRunsToTheTopRightCorner() {
        TradeoffPainter p = new TradeoffPainter(TradeoffPainter.Kind.PEAK_RAM,
                List.of(new TradeoffPoint(262_144, 250_000, true)), Double.NaN);
        int w = 600;
        int h = 380;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        p.paint(g, w, h);
        g.dispose();
        double right = w - 14;
        double top = 30;
        int red = 0;
        for (int x = (int) right - 14; x < right; x++) {
            for (int y = (int) top; y < top + 14; y++) {
                red += img.getRGB(x, y) == Palette.BUDGET.getRGB() ? 1 : 0;
            }
        }
        assertTrue(red > 0, "the y = x guide ends in the top right corner");
    }
}
