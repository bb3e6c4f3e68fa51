package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.poetexplorer.schedule.OpKind;

class TimelinePainterTest {
    private static final int W = 1000;
    private static final int H = 300;

    private static double laneY(int lane) {
        double top = TimelinePainter.TOP;
        double bottom = H - ChartLayout.AXIS_HEIGHT;
        double laneH = (bottom - top) / TimelineData.LANES.size();
        return top + (lane + 0.5) * laneH;
    }

    /** A row inside a lane's bars, above the node names written in them. */
    private static double barY(int lane) {
        double top = TimelinePainter.TOP;
        double bottom = H - ChartLayout.AXIS_HEIGHT;
        double laneH = (bottom - top) / TimelineData.LANES.size();
        return top + lane * laneH + 6;
    }

    /** Just inside the top edge of a lane, where a selection outline runs. */
    private static double edgeY(int lane) {
        return barY(lane) - 5;
    }

    private static double x(TimeWindow w, double t) {
        return w.toX(t, ChartLayout.LEFT, ChartLayout.plotWidth(W));
    }

    @Test
    void pointerFindsTheOperationDrawnUnderIt() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(d.totalS());
        assertEquals(1, TimelinePainter.opAt(d, w, W, H, x(w, 2.0), laneY(0)), "compute of node 1");
        assertEquals(4, TimelinePainter.opAt(d, w, W, H, x(w, 4.5), laneY(1)), "recompute of node 0");
        assertEquals(3, TimelinePainter.opAt(d, w, W, H, x(w, 3.5), laneY(2)), "page-out of node 1");
        assertEquals(5, TimelinePainter.opAt(d, w, W, H, x(w, 5.5), laneY(3)), "page-in of node 1, past its stage");
        assertEquals(-1, TimelinePainter.opAt(d, w, W, H, x(w, 2.0), laneY(3)), "nothing is paged in at 2 s");
        assertEquals(-1, TimelinePainter.opAt(d, w, W, H, 10, laneY(0)), "lane names are not operations");
    }

    @Test
    void zoomedInTheHitTestStillFindsTheRightOperation() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(d.totalS()).zoom(8, 4.5);
        assertEquals(4.5, w.toTime(x(w, 4.5), ChartLayout.LEFT, ChartLayout.plotWidth(W)), 1e-9);
        assertEquals(4, TimelinePainter.opAt(d, w, W, H, x(w, 4.6), laneY(1)));
        assertEquals(-1, TimelinePainter.opAt(d, w, W, H, x(w, 4.6), laneY(0)), "compute lane is empty there");
    }

    @Test
    void eachLaneIsDrawnInItsKindsColour() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(d.totalS());
        BufferedImage img = paint(d, w, -1);
        assertEquals(Palette.of(OpKind.COMPUTE).getRGB(), img.getRGB((int) x(w, 2.2), (int) barY(0)));
        assertEquals(Palette.of(OpKind.RECOMPUTE).getRGB(), img.getRGB((int) x(w, 4.7), (int) barY(1)));
        assertEquals(Palette.of(OpKind.PAGE_OUT).getRGB(), img.getRGB((int) x(w, 3.7), (int) barY(2)));
        assertEquals(Palette.of(OpKind.PAGE_IN).getRGB(), img.getRGB((int) x(w, 4.5), (int) barY(3)));
        assertEquals(Palette.PLOT_BACKGROUND.getRGB(), img.getRGB((int) x(w, 2.2), (int) barY(3)),
                "no page-in at 2.2 s");
    }

    @Test
    void theTransfersOfAStageRunBesideItsComputationsAndTheirOverrunIsDrawnPale() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        assertEquals(5, d.stageComputeEndS(2), "stage 2 computes from 3 s to 5 s");
        assertEquals(6, d.computeEndS(), "the computations end at 6 s");
        TimeWindow w = TimeWindow.fit(d.totalS());
        BufferedImage img = paint(d, w, -1);
        assertEquals(Palette.of(OpKind.PAGE_IN).getRGB(), img.getRGB((int) x(w, 4.8), (int) barY(3)),
                "the page-in within its stage");
        assertEquals(Palette.overrun(OpKind.PAGE_IN).getRGB(), img.getRGB((int) x(w, 5.6), (int) barY(3) + 2),
                "the page-in past the end of its stage, beside the next stage's compute");
        assertEquals(Palette.of(OpKind.COMPUTE).getRGB(), img.getRGB((int) x(w, 5.6), (int) barY(0)),
                "the next stage computes on time");
    }

    @Test
    void anEmptyTimelineSaysWhyAndDrawsNoTimeAxis() {
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(W, H);
        new TimelinePainter(null, null, -1, -1, "No schedule fits these budgets").paint(svg, W, H);
        String doc = svg.getSVGDocument();
        assertTrue(doc.contains(">No schedule fits these budgets<"), "the reason is shown");
        assertFalse(doc.contains(">0 s<") || doc.contains(">1 s<"), "no time axis without a schedule");
    }

    private static BufferedImage paint(TimelineData d, TimeWindow w, int selected) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        new TimelinePainter(d, w, selected, -1).paint(g, W, H);
        g.dispose();
        return img;
    }

    @Test
    void aSelectedNodeIsOutlinedInEveryLaneItAppearsIn() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(d.totalS());
        BufferedImage img = paint(d, w, 0);
        int selection = Palette.SELECTION.getRGB();
        assertEquals(selection, img.getRGB((int) x(w, 0.3), (int) edgeY(0)), "top edge of compute n0");
        assertEquals(selection, img.getRGB((int) x(w, 4.3), (int) edgeY(1)), "top edge of recompute n0");
        assertEquals(Palette.PLOT_BACKGROUND, new Color(img.getRGB((int) x(w, 2.3), (int) edgeY(0))),
                "node 1 is not outlined");
    }

    @Test
    void visibleOperationsAreFoundByBinarySearch() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        assertEquals(0, d.firstEndingFrom(0, -1));
        assertEquals(1, d.firstEndingFrom(0, 1.5));
        assertEquals(2, d.firstEndingFrom(0, 3.5), "past the compute of node 1");
        assertEquals(0, d.firstEndingFrom(3, 5.5), "the page-in of stage 2 still runs at 5.5 s");
        assertEquals(1, d.opsOfNode(1).length - 2, "node 1: compute, page-out, page-in");
    }

    /** Whether any pixel within one of ({@code x}, {@code y}) has colour {@code c}. */
    private static boolean near(BufferedImage img, double x, double y, Color c) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (img.getRGB((int) x + dx, (int) y + dy) == c.getRGB()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void flowArrowsFollowTheSelectedTensorThroughItsLanes() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        TimeWindow w = TimeWindow.fit(d.totalS());
        // compute n1 ends at 3 s where its page-out starts beside the stage's computations: the
        // arrow runs straight down, across the recompute lane
        double down = x(w, 3.0);
        // compute n0 ends at 1 s, its recompute starts at 3 s: a quarter along that arrow (a symmetric cubic curve)
        double x0 = x(w, 1.0);
        double x1 = x(w, 3.0);
        double m = (x0 + x1) / 2;
        double qx = 0.421875 * x0 + 0.5625 * m + 0.015625 * x1;
        double qy = 0.84375 * laneY(0) + 0.15625 * laneY(1);

        BufferedImage node1 = paint(d, w, 1);
        assertTrue(near(node1, down, laneY(1), Palette.SELECTION), "compute to page-out");
        assertFalse(near(node1, qx, qy, Palette.SELECTION), "only the selected node's operations are linked");
        BufferedImage node0 = paint(d, w, 0);
        assertTrue(near(node0, qx, qy, Palette.SELECTION), "compute to recompute");

        BufferedImage none = paint(d, w, -1);
        assertFalse(near(none, down, laneY(1), Palette.SELECTION), "no arrows without a selection");
        assertFalse(near(none, qx, qy, Palette.SELECTION));
    }

    @Test
    void zoomedInTheArrowsStayInsideThePlot() throws Exception {
        TimelineData d = new TimelineData(ChartFixtures.schedule());
        // from 3.05 s to 4.5 s: compute n1 and the start of its page-out lie just left of the view, in
        // the margin of lane names, and its page-in runs on past the right edge
        TimeWindow w = new TimeWindow(3.05, 4.5);
        BufferedImage img = paint(d, w, 1);
        double left = ChartLayout.LEFT;
        double right = left + ChartLayout.plotWidth(W);
        int selection = Palette.SELECTION.getRGB();
        for (int y = (int) TimelinePainter.TOP; y < H - ChartLayout.AXIS_HEIGHT; y++) {
            for (int x = 0; x < W; x++) {
                if (x < left - 1 || x > right + 1) {
                    assertFalse(img.getRGB(x, y) == selection, "selection drawn outside the plot at " + x + "," + y);
                }
            }
        }
        assertTrue(near(img, x(w, 4.0), (laneY(2) + laneY(3)) / 2, Palette.SELECTION), "page-out to page-in");
    }
}
