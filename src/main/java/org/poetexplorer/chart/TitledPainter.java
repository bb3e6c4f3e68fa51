package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/**
 * A chart with a line above it that says what it shows (network, device, budgets, status), for
 * files that are read away from the window. The chart is moved down by the line's height.
 */
public final class TitledPainter implements ChartPainter {
    /** Height of the title line in logical pixels. */
    public static final double LINE = 22;

    private final String title;
    private final ChartPainter chart;

    public TitledPainter(String title, ChartPainter chart) {
        this.title = title;
        this.chart = chart;
    }

    public String title() {
        return title;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        AffineTransform old = g.getTransform();
        g.translate(0, LINE);
        chart.paint(g, width, Math.max(1, height - LINE));
        g.setTransform(old);
        Rectangle2D line = new Rectangle2D.Double(0, 0, width, LINE);
        g.setPaint(Palette.BACKGROUND);
        g.fill(line);
        g.setPaint(Palette.TEXT);
        g.setFont(Palette.TITLE);
        g.drawString(title, 10f, (float) (LINE - 6));
    }
}
