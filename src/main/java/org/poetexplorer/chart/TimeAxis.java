package org.poetexplorer.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.List;
import org.poetexplorer.model.Quantities;

/** Draws a time axis with units and optional vertical grid lines for a {@link TimeWindow}. */
final class TimeAxis {
    private TimeAxis() {
    }

    static List<Double> ticks(TimeWindow w, double plotWidth) {
        return Ticks.labelled(w.startS(), w.endS(), Math.max(2, (int) (plotWidth / 90)), Quantities::duration);
    }

    static void grid(Graphics2D g, TimeWindow w, double x, double width, double top, double bottom) {
        g.setColor(Palette.GRID);
        g.setStroke(Palette.THIN);
        for (double t : ticks(w, width)) {
            double px = w.toX(t, x, width);
            g.draw(new Line2D.Double(px, top, px, bottom));
        }
    }

    /** Axis line at {@code y} with ticks and labels below it. */
    static void draw(Graphics2D g, TimeWindow w, double x, double width, double y) {
        g.setColor(Palette.AXIS);
        g.setStroke(Palette.THIN);
        g.draw(new Line2D.Double(x, y, x + width, y));
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(w, width)) {
            double px = w.toX(t, x, width);
            g.draw(new Line2D.Double(px, y, px, y + 4));
            String s = Quantities.duration(t);
            g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), (float) (y + 5 + fm.getAscent()));
        }
    }
}
