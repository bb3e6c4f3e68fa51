package org.poetexplorer.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * The whole schedule in a thin strip (its RAM in use, on the same margins as the time charts)
 * with the stretch the charts show marked, so that one sees where the view is and can move it.
 */
public final class OverviewPainter implements ChartPainter {
    private static final Color OUTSIDE = new Color(0x1F, 0x23, 0x28, 40);

    private final MemoryData data;
    private final TimeWindow visible;

    /**
     * @param data the schedule's RAM curve, or null for an empty strip
     * @param visible what the charts show, or null for the whole schedule
     */
    public OverviewPainter(MemoryData data, TimeWindow visible) {
        this.data = data;
        this.visible = visible;
    }

    /** The whole schedule as the strip shows it. */
    public static TimeWindow whole(MemoryData data) {
        return TimeWindow.fit(data == null ? 1 : data.totalS());
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        ChartLayout.clear(g, width, height);
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double top = 2;
        double bottom = height - 2;
        g.setColor(Palette.PLOT_BACKGROUND);
        g.fill(new Rectangle2D.Double(px, top, pw, bottom - top));
        g.setFont(Palette.SMALL);
        g.setColor(Palette.MUTED_TEXT);
        g.drawString("overview", 8f, (float) (height / 2 + 4));
        if (data == null || data.size() == 0) {
            return;
        }
        TimeWindow whole = whole(data);
        int[] shown = data.wholeColumnOps(px, pw);
        long peak = Math.max(1, data.peakBytes());
        g.setColor(Palette.RAM_FILL);
        for (int c = 0; c < shown.length; c++) {
            if (shown[c] >= 0) {
                double h = data.ram(shown[c]) / (double) peak * (bottom - top - 2);
                g.fill(new Rectangle2D.Double(px + c, bottom - h, 1, h));
            }
        }
        if (visible != null) {
            double x0 = Math.max(px, whole.toX(visible.startS(), px, pw));
            double x1 = Math.min(px + pw, whole.toX(visible.endS(), px, pw));
            g.setColor(OUTSIDE);
            g.fill(new Rectangle2D.Double(px, top, Math.max(0, x0 - px), bottom - top));
            g.fill(new Rectangle2D.Double(x1, top, Math.max(0, px + pw - x1), bottom - top));
            g.setColor(Palette.SELECTION);
            g.setStroke(Palette.THICK);
            g.draw(new Rectangle2D.Double(x0, top + 1, Math.max(2, x1 - x0), bottom - top - 2));
            g.setStroke(Palette.THIN);
        }
    }
}
