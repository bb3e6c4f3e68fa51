package org.poetexplorer.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;

/** What a chart without data shows in its plot: one line saying why, centred; no axes to misread. */
final class EmptyState {
    private EmptyState() {
    }

    static void draw(Graphics2D g, String text, double x, double y, double w, double h) {
        g.setFont(Palette.LABEL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Palette.MUTED_TEXT);
        double tx = Math.max(x + 6, x + (w - fm.stringWidth(text)) / 2);
        g.drawString(text, (float) tx, (float) (y + h / 2 + fm.getAscent() / 2.0 - 1));
    }
}
