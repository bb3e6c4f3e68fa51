package org.poetexplorer.chart;

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
}
