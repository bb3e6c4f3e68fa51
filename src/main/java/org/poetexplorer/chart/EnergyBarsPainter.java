package org.poetexplorer.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.OpKind;

/** Stacked bars of energy per kind of operation (compute, recompute, page-in, page-out), one bar per schedule. */
public final class EnergyBarsPainter implements ChartPainter {
    private static final List<OpKind> STACK = List.of(OpKind.COMPUTE, OpKind.RECOMPUTE, OpKind.PAGE_IN, OpKind.PAGE_OUT);

    private final List<EnergyBar> bars;
    private final double referenceJ;

    /** @param referenceJ energy the bars are compared with (the plain schedule's), NaN for none */
    public EnergyBarsPainter(List<EnergyBar> bars, double referenceJ) {
        this.bars = List.copyOf(bars);
        this.referenceJ = referenceJ;
    }

    private static double part(EnergyBar b, OpKind k) {
        switch (k) {
            case COMPUTE:
                return b.computeJ();
            case RECOMPUTE:
                return b.recomputeJ();
            case PAGE_IN:
                return b.pageInJ();
            default:
                return b.pageOutJ();
        }
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        ChartLayout.clear(g, width, height);
        g.setFont(Palette.TITLE);
        g.setColor(Palette.TEXT);
        g.drawString("Energy per training step", 70f, 15f);
        drawLegend(g, 70, 30);
        double split = width * 0.58;
        drawPanel(g, STACK, 70, split - 10, height, "total");
        drawPanel(g, STACK.subList(1, STACK.size()), split + 70, width - 12, height,
                "overhead over computing each node once");
    }

    /** One group of stacked bars of the given parts, on its own scale. */
    private void drawPanel(Graphics2D g, List<OpKind> parts, double left, double right, double height, String title) {
        double top = 52;
        double bottom = height - 34;
        double ph = Math.max(10, bottom - top);
        double pw = Math.max(10, right - left);
        double max = 0;
        for (EnergyBar b : bars) {
            double sum = 0;
            for (OpKind k : parts) {
                sum += part(b, k);
            }
            max = Math.max(max, sum);
        }
        max = max > 0 ? max * 1.15 : 1e-3;
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Palette.MUTED_TEXT);
        g.drawString(title, (float) left, (float) (top - 6));
        for (double v : Ticks.labelled(0, max, Math.max(2, (int) (ph / 30)), Quantities::energy)) {
            double y = bottom - v / max * ph;
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(left, y, right, y));
            g.setColor(Palette.AXIS);
            String s = Quantities.energy(v);
            g.drawString(s, (float) (left - 6 - fm.stringWidth(s)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        int n = Math.max(1, bars.size());
        double slot = pw / n;
        double barW = Math.min(60, slot * 0.55);
        for (int i = 0; i < bars.size(); i++) {
            EnergyBar b = bars.get(i);
            double cx = left + slot * (i + 0.5);
            double y = bottom;
            if (b.hasEnergy()) {
                double sum = 0;
                for (OpKind k : parts) {
                    double h = part(b, k) / max * ph;
                    sum += part(b, k);
                    if (h <= 0) {
                        continue;
                    }
                    g.setColor(Palette.of(k));
                    g.fill(new Rectangle2D.Double(cx - barW / 2, y - h, barW, h));
                    y -= h;
                }
                g.setColor(Palette.TEXT);
                String total = Quantities.energy(sum);
                if (parts.size() == STACK.size() && referenceJ > 0
                        && Math.abs(b.totalJ() - referenceJ) > referenceJ * 1e-9) {
                    total += " (" + Quantities.change(b.totalJ(), referenceJ) + ")";
                }
                g.drawString(total, (float) (cx - fm.stringWidth(total) / 2.0), (float) (y - 4));
            } else {
                g.setColor(Palette.MUTED_TEXT);
                g.drawString(b.note(), (float) (cx - fm.stringWidth(b.note()) / 2.0), (float) (bottom - 6));
            }
            g.setColor(Palette.TEXT);
            g.drawString(b.label(), (float) (cx - fm.stringWidth(b.label()) / 2.0),
                    (float) (bottom + 4 + fm.getAscent()));
        }
        g.setColor(Palette.AXIS);
        g.draw(new Line2D.Double(left, bottom, right, bottom));
        g.draw(new Line2D.Double(left, top, left, bottom));
    }

    private static void drawLegend(Graphics2D g, double x, double y) {
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (OpKind k : STACK) {
            g.setColor(Palette.of(k));
            g.fill(new Rectangle2D.Double(x, y - 9, 10, 10));
            g.setColor(Palette.TEXT);
            String s = Palette.label(k);
            g.drawString(s, (float) (x + 14), (float) y);
            x += 14 + fm.stringWidth(s) + 12;
        }
    }
}
