package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

class MemoryPainterTest {
    @Test
    void peakIsTheHighestRamAfterAnOperation() throws Exception {
        MemoryData m = new MemoryData(ChartFixtures.schedule());
        assertEquals(4, m.peakOp());
        assertEquals(700, m.peakBytes());
        assertEquals(0, m.opAt(2.0), "while node 1 is computed, RAM is as after the compute of node 0");
        assertEquals(-1, m.opAt(0.5));
        assertEquals(3, m.opAt(4.0), "the page-out at the start of stage 2 is the last operation by then");
        assertEquals(5, m.opAt(5.0), "a page-in's output counts from the end of its stage's computations");
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 220;

    /** Where the fixture's peak (700 B at 5 s) is drawn across, in a chart WIDTH wide. */
    private static double peakX(TimeWindow w) {
        return w.toX(5.0, ChartLayout.LEFT, ChartLayout.plotWidth(WIDTH));
    }

    /** Where the fixture's 700 B peak is drawn up, on a RAM axis rising to 1.15 times {@code axisBytes}. */
    private static double peakY(double axisBytes) {
        double bottom = HEIGHT - ChartLayout.AXIS_HEIGHT;
        return bottom - 700 / (axisBytes * 1.15) * (bottom - ChartLayout.TOP);
    }

    @Test
    void clickOnThePeakMarkerIsRecognised() throws Exception {
        MemoryData m = new MemoryData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(m.totalS());
        int width = WIDTH;
        int height = HEIGHT;
        double px = peakX(w);
        double py = peakY(1000);
        assertTrue(MemoryPainter.isNearPeak(m, w, 1000, width, height, px + 2, py - 2));
        assertTrue(MemoryPainter.isNearPeak(m, w, 1000, width, height, px, py + 30), "in the area under the peak");
        assertFalse(MemoryPainter.isNearPeak(m, w, 1000, width, height, px + 40, py));
        assertFalse(MemoryPainter.isNearPeak(m, w, 1000, width, height, px, py - 30), "above the peak");
        assertEquals(4, MemoryPainter.opAtX(m, w, width, px), "the peak in its pixel column");
    }

    @Test
    void withATallerBaselinePinnedTheLoweredPeakMarkerIsStillRecognised() throws Exception {
        Schedule current = ChartFixtures.schedule();
        MemoryData m = new MemoryData(current);
        MemoryData baseline = new MemoryData(withRamAfterEach(current, 2000));
        TimeWindow w = TimeWindow.fit(m.totalS());
        int width = WIDTH;
        int height = HEIGHT;
        double px = peakX(w);
        double py = peakY(2000);
        // the RAM axis rises to the baseline's 2000 B, so the 700 B peak sits lower than without it
        assertTrue(MemoryPainter.isNearPeak(m, baseline, w, 1000, width, height, px + 2, py - 2));
        assertFalse(MemoryPainter.isNearPeak(m, baseline, w, 1000, width, height, px, py - 25),
                "above the peak, where it would be without the baseline");
    }

    @Test
    void budgetLineAndAreaAreDrawn() throws Exception {
        MemoryData m = new MemoryData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(m.totalS());
        int width = 900;
        int height = 220;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        new MemoryPainter(m, w, 1000, 5000, -1).paint(g, width, height);
        g.dispose();
        double bottom = height - ChartLayout.AXIS_HEIGHT;
        double ph = bottom - ChartLayout.TOP;
        int x = (int) w.toX(2.3, ChartLayout.LEFT, ChartLayout.plotWidth(width));
        int below = (int) (bottom - 50.0 / 1150 * ph);
        assertEquals(Palette.RAM_FILL.getRGB(), img.getRGB(x, below), "100 B in RAM after the first compute");
        int above = (int) (bottom - 250.0 / 1150 * ph);
        assertEquals(Palette.PLOT_BACKGROUND.getRGB(), img.getRGB(x, above), "nothing above 100 B before 3 s");
    }

    @Test
    void aPinnedBaselineIsDrawnOverTheCurveAsALine() throws Exception {
        Schedule current = ChartFixtures.schedule();
        // the same operations with 500 B in RAM after each: the baseline kept more
        Schedule baseline = withRamAfterEach(current, 500);
        MemoryData m = new MemoryData(current);
        TimeWindow w = TimeWindow.fit(m.totalS());
        int width = 900;
        int height = 220;
        double bottom = height - ChartLayout.AXIS_HEIGHT;
        double ph = bottom - ChartLayout.TOP;
        int x = (int) w.toX(2.3, ChartLayout.LEFT, ChartLayout.plotWidth(width));
        double y = bottom - 500.0 / 1150 * ph;

        BufferedImage with = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = with.createGraphics();
        new MemoryPainter(m, w, 1000, 5000, -1, new MemoryData(baseline)).paint(g, width, height);
        g.dispose();
        BufferedImage without = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = without.createGraphics();
        new MemoryPainter(m, w, 1000, 5000, -1).paint(g, width, height);
        g.dispose();

        assertTrue(column(with, x, y).contains(Palette.BASELINE.getRGB()), "the baseline's 500 B at 2.3 s");
        assertFalse(column(without, x, y).contains(Palette.BASELINE.getRGB()), "no baseline line when none is pinned");
        int below = (int) (bottom - 50.0 / 1150 * ph);
        assertEquals(Palette.RAM_FILL.getRGB(), with.getRGB(x, below), "the current curve is still drawn under it");
    }

    /** The colours of the three pixels around ({@code x}, {@code y}), top to bottom. */
    private static java.util.List<Integer> column(BufferedImage img, int x, double y) {
        return java.util.List.of(img.getRGB(x, (int) y - 1), img.getRGB(x, (int) y), img.getRGB(x, (int) y + 1));
    }

    /** The same operations as {@code s} with {@code bytes} in RAM after each. */
    private static Schedule withRamAfterEach(Schedule s, long bytes) {
        return new Schedule(s.graph(), s.budget(), s.ops().stream()
                .map(o -> new Operation(o.stage(), o.kind(), o.node(), o.startS(), o.endS(), o.energyJ(), bytes))
                .toList());
    }
}
