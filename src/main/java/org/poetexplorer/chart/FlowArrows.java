package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.IntFunction;

/**
 * Arrows that follow one tensor through the timeline: from each operation of a node (compute,
 * page-out, page-in, recompute) to its next one, in time order, leaving the right edge of one
 * bar at mid-height and entering the left edge of the next, as a symmetric cubic curve (its
 * midpoint is halfway between its ends); where the next operation starts about where this one
 * ends, in another lane, the arrow runs straight down or up from one bar to the other. Arrows
 * stay between the plot's left and right edges (no clip is set): an arrow to or from an
 * operation outside the visible window starts or ends at the edge, and one between two
 * operations on the same side outside it is not drawn.
 */
final class FlowArrows {
    private static final double HEAD = 5;

    private FlowArrows() {
    }

    /**
     * @param ops the node's operations, in time order
     * @param bounds where an operation is drawn, or null when it has no bar
     * @param left the plot's left edge
     * @param right the plot's right edge
     */
    static void draw(Graphics2D g, int[] ops, IntFunction<Rectangle2D> bounds, double left, double right) {
        double inLeft = left + HEAD;
        double inRight = Math.max(inLeft, right - HEAD);
        g.setColor(Palette.SELECTION);
        g.setStroke(Palette.THICK);
        for (int k = 0; k + 1 < ops.length; k++) {
            Rectangle2D from = bounds.apply(ops[k]);
            Rectangle2D to = bounds.apply(ops[k + 1]);
            if (from == null || to == null || from.getMaxX() < left && to.getMaxX() < left
                    || from.getMinX() > right && to.getMinX() > right) {
                continue;
            }
            double x0 = clamp(from.getMaxX(), inLeft, inRight);
            double y0 = from.getCenterY();
            double x1 = clamp(to.getMinX(), inLeft, inRight);
            double y1 = to.getCenterY();
            if (Math.abs(y1 - y0) < 1 && x1 - x0 < 2 * HEAD) {
                continue; // the next bar follows straight on in the same lane: nothing to link
            }
            if (x1 - x0 < 2 * HEAD && Math.abs(y1 - y0) >= 1) {
                // the next operation starts (about) where this one ends, in another lane: straight down or up
                boolean down = y1 > y0;
                double x = Math.max(x0, x1);
                double from0 = down ? from.getMaxY() : from.getMinY();
                double to0 = down ? to.getMinY() : to.getMaxY();
                g.draw(new Line2D.Double(x, from0, x, to0));
                head(g, x, from0, x, to0);
                continue;
            }
            double mid = (x0 + x1) / 2;
            g.draw(new CubicCurve2D.Double(x0, y0, mid, y0, mid, y1, x1, y1));
            head(g, mid, y1, x1, y1);
        }
        g.setStroke(Palette.THIN);
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** An arrowhead at (x, y) pointing away from (fromX, fromY). */
    private static void head(Graphics2D g, double fromX, double fromY, double x, double y) {
        double dx = x - fromX;
        double dy = y - fromY;
        double len = Math.hypot(dx, dy);
        if (len < 1e-6) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        Path2D tip = new Path2D.Double();
        tip.moveTo(x, y);
        tip.lineTo(x - HEAD * ux + HEAD * 0.6 * uy, y - HEAD * uy - HEAD * 0.6 * ux);
        tip.lineTo(x - HEAD * ux - HEAD * 0.6 * uy, y - HEAD * uy + HEAD * 0.6 * ux);
        tip.closePath();
        g.fill(tip);
    }
}
