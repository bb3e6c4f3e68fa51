package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.backends.Backends;

/** The RAM chart drawn tensor by tensor: bands that add up to the RAM curve, in the states the schedule puts them. */
class ActivationBandsTest {
    private static final int W = 1200;
    private static final int H = 280;

    private static Schedule pagingAndRecomputing() {
        TrainingGraph g = ReferenceData.graph("linear", "a72");
        SolveResult r = PoetSolver.solve(g, new Budget(3500, 1.0, true, true), new SolveOptions(Backends.DEFAULT, 60, 1),
                null, null);
        assertTrue(r.hasSchedule(), r.status().name());
        return r.schedule();
    }

    @Test
    void theBandsInRamAfterEachOperationAddUpToTheScheduleRamFigure() {
        Schedule s = pagingAndRecomputing();
        ActivationBands bands = new ActivationBands(s);
        for (int k = 0; k < s.ops().size(); k++) {
            long sum = bands.stackAfter(k).stream().mapToLong(ActivationBands.Band::bytes).sum();
            assertEquals(s.ops().get(k).ramBytesAfter(), sum, "after operation " + k);
        }
        Set<ActivationBands.State> states = bands.bands().stream().map(ActivationBands.Band::state)
                .collect(Collectors.toSet());
        assertTrue(states.contains(ActivationBands.State.RESIDENT), states.toString());
        assertTrue(states.contains(ActivationBands.State.PAGED_OUT) || states.contains(ActivationBands.State.RECOMPUTED),
                "a schedule at 3,500 B pages or recomputes: " + states);
    }

    @Test
    void stackedBandHeightsReachTheRamCurveInEveryColumn() {
        Schedule s = pagingAndRecomputing();
        assertColumnsAddUp(s, 0);
    }

    @Test
    void thousandsOfTensorsMergeIntoAtMostOneRectanglePerPixelOfAColumn() throws Exception {
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(1500, 0.3, 7)),
                DeviceFiles.builtIn("m0"), 1e-3);
        Schedule s = Plans.plainSchedule(g);
        assertTrue(s.graph().size() > 1000, "nodes: " + s.graph().size());
        int segments = assertColumnsAddUp(s, 1);
        double ph = H - ChartLayout.AXIS_HEIGHT - ChartLayout.TOP;
        assertTrue(segments <= (ChartLayout.plotWidth(W) + 1) * (ph + 1), "segments: " + segments);
    }

    @Test
    void theSelectedNodesBandsAreOutlined() {
        Schedule s = pagingAndRecomputing();
        MemoryData data = new MemoryData(s);
        int node = data.bands().stackAfter(data.peakOp()).get(0).node();
        assertEquals(0, selectionPixels(data, -1), "nothing outlined without a selection");
        assertTrue(selectionPixels(data, node) > 20, "the bands of node " + node);
    }

    private static int selectionPixels(MemoryData data, int node) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        new MemoryPainter(data, null, 0, 0, -1).perTensor(data.bands(), node).paint(g, W, H);
        g.dispose();
        int n = 0;
        for (int y = ChartLayout.TOP; y < H - ChartLayout.AXIS_HEIGHT; y++) {
            for (int x = ChartLayout.LEFT; x < ChartLayout.LEFT + ChartLayout.plotWidth(W); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (Palette.SELECTION.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Checks the sums column by column and returns the number of rectangles drawn. */
    private static int assertColumnsAddUp(Schedule s, int mergedAtLeast) {
        MemoryData data = new MemoryData(s);
        MemoryPainter painter = new MemoryPainter(data, null, s.budget().ramBytes(), 0, -1).perTensor(data.bands(), -1);
        List<BandLayout.Segment> segments = painter.bandLayout(W, H).segments();
        assertFalse(segments.isEmpty());
        double bottom = H - ChartLayout.AXIS_HEIGHT;
        int checked = 0;
        for (int x = ChartLayout.LEFT; x < ChartLayout.LEFT + ChartLayout.plotWidth(W); x += 7) {
            double curve = painter.curveY(W, H, x);
            double centre = x + 0.5;
            double sum = segments.stream().filter(g -> centre >= g.x() && centre < g.x() + g.width())
                    .mapToDouble(BandLayout.Segment::height).sum();
            if (Double.isNaN(curve)) {
                assertEquals(0, sum, 1e-9, "nothing drawn at x=" + x);
                continue;
            }
            assertEquals(bottom - curve, sum, 1e-6, "band heights at x=" + x);
            checked++;
        }
        assertTrue(checked > 100, "columns checked: " + checked);
        long merges = segments.stream().filter(g -> g.tensors() > 1).count();
        assertTrue(merges >= mergedAtLeast, "merged rectangles: " + merges);
        return segments.size();
    }
}
