package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/**
 * Two charts next to each other, each in half the width (the trade-off view's pair, as one
 * picture). Each is moved into its half, not clipped: the painters keep to their size.
 */
public final class SideBySidePainter implements ChartPainter {
    private final ChartPainter left;
    private final ChartPainter right;

    public SideBySidePainter(ChartPainter left, ChartPainter right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        double half = width / 2;
        paintAt(g, left, 0, half, height);
        paintAt(g, right, half, width - half, height);
    }

    private static void paintAt(Graphics2D g, ChartPainter p, double x, double w, double h) {
        AffineTransform oldTransform = g.getTransform();
        g.translate(x, 0);
        p.paint(g, w, h);
        g.setTransform(oldTransform);
    }
}
