package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Margins shared by charts drawn on the same time axis, so that the timeline and the memory
 * chart line up to the pixel.
 */
public final class ChartLayout {
    /** Room left of a time plot for lane names or the y axis. */
    public static final int LEFT = 84;
    /** Room right of a time plot (the memory chart puts its parameter figure there). */
    public static final int RIGHT = 132;
    public static final int TOP = 24;
    public static final int AXIS_HEIGHT = 22;

    private ChartLayout() {
    }

    public static double plotWidth(double width) {
        return Math.max(10, width - LEFT - RIGHT);
    }

    /** Clears a chart's whole area to the background, where every painter starts. */
    public static void clear(Graphics2D g, double width, double height) {
        g.setColor(Palette.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }
}
