package org.poetexplorer.chart;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import org.poetexplorer.model.Quantities;

/**
 * A value (energy, peak RAM) against the RAM budget, one point per finished solve, joined in
 * budget order; the current solve is highlighted and infeasible budgets are crosses on the
 * axis. An optional reference line: a horizontal level (the plain energy, a lower bound) or
 * the diagonal y = x (peak RAM can never exceed the budget), which then runs from the left edge
 * to the top right corner, the y axis ending where the x axis does. No clip is set: everything
 * drawn lies in the plot by construction (some SVG renderers draw clipped groups blank).
 */
public final class TradeoffPainter implements ChartPainter {
    /** What the chart shows on its y axis. */
    public enum Kind {
        ENERGY("Energy vs RAM budget", "energy"),
        PEAK_RAM("Peak RAM vs RAM budget", "peak RAM");

        final String title;
        final String axis;

        Kind(String title, String axis) {
            this.title = title;
            this.axis = axis;
        }
    }

    private static final double LEFT = 72;
    private static final double TOP = 30;

    private final Kind kind;
    private final List<TradeoffPoint> points;
    private final double referenceLevel;

    /** @param referenceLevel for ENERGY, the plain schedule's energy drawn as a level (NaN for none) */
    public TradeoffPainter(Kind kind, List<TradeoffPoint> points, double referenceLevel) {
        this.kind = kind;
        this.points = List.copyOf(points);
        this.referenceLevel = referenceLevel;
    }

    private String format(double v) {
        return kind == Kind.ENERGY ? Quantities.energy(v) : Quantities.bytes(v);
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        ChartLayout.clear(g, width, height);
        double left = LEFT;
        double top = TOP;
        double right = width - 14;
        double bottom = height - 38;
        double pw = Math.max(10, right - left);
        double ph = Math.max(10, bottom - top);
        g.setFont(Palette.TITLE);
        g.setColor(Palette.TEXT);
        g.drawString(kind.title, (float) left, 15f);

        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        if (points.isEmpty()) {
            g.setColor(Palette.MUTED_TEXT);
            g.drawString("Each finished solve adds a point here.", (float) left, (float) (top + ph / 2));
            g.setColor(Palette.AXIS);
            g.draw(new Rectangle2D.Double(left, top, pw, ph));
            return;
        }
        Frame f = frame(width, height);
        final double x0 = f.x0;
        final double x1 = f.x1;
        final double y0 = f.y0;
        final double y1 = f.y1;
        DoubleFunction<Double> sx = v -> left + (v - x0) / (x1 - x0) * pw;
        DoubleFunction<Double> sy = v -> bottom - (v - y0) / (y1 - y0) * ph;

        for (double v : Ticks.labelled(y0, y1, Math.max(2, (int) (ph / 30)), this::format)) {
            double y = sy.apply(v);
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(left, y, right, y));
            g.setColor(Palette.AXIS);
            String s = format(v);
            g.drawString(s, (float) (left - 6 - fm.stringWidth(s)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        for (double v : Ticks.labelled(x0, x1, Math.max(2, (int) (pw / 80)), Quantities::bytes)) {
            double x = sx.apply(v);
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setColor(Palette.AXIS);
            String s = Quantities.bytes(v);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (bottom + 4 + fm.getAscent()));
        }
        g.setColor(Palette.MUTED_TEXT);
        String xLabel = "RAM budget";
        g.drawString(xLabel, (float) (left + pw / 2 - fm.stringWidth(xLabel) / 2.0), (float) (height - 4));

        drawLegend(g, right, fm);
        Rectangle2D plainLabel = null;
        if (kind == Kind.PEAK_RAM) {
            g.setColor(Palette.BUDGET);
            g.setStroke(Palette.DASHED);
            g.draw(new Line2D.Double(sx.apply(x0), sy.apply(x0), sx.apply(x1), sy.apply(x1)));
            g.setStroke(Palette.THIN);
            double lx = x0 + 0.6 * (x1 - x0);
            g.drawString("peak = budget", (float) (sx.apply(lx) + 6), (float) (sy.apply(lx) + 14));
        } else if (!Double.isNaN(referenceLevel)) {
            double y = sy.apply(referenceLevel);
            g.setColor(Palette.MUTED_TEXT);
            g.setStroke(Palette.DASHED);
            g.draw(new Line2D.Double(left, y, right, y));
            g.setStroke(Palette.THIN);
            String plain = "plain " + Quantities.energy(referenceLevel);
            g.drawString(plain, (float) (left + 4), (float) (y - 3));
            plainLabel = new Rectangle2D.Double(left + 4, y - 3 - fm.getAscent(), fm.stringWidth(plain), fm.getAscent());
        }
        List<TradeoffPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(TradeoffPoint::ramBudgetBytes));
        Path2D line = new Path2D.Double();
        boolean started = false;
        for (TradeoffPoint p : sorted) {
            if (!p.feasible()) {
                continue;
            }
            double x = sx.apply(p.ramBudgetBytes());
            double y = sy.apply(p.value());
            if (started) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                started = true;
            }
        }
        g.setColor(Palette.POINT);
        g.draw(line);
        TradeoffPoint current = null;
        for (TradeoffPoint p : sorted) {
            double x = sx.apply(p.ramBudgetBytes());
            if (p.current()) {
                current = p;
            }
            if (p.feasible()) {
                double y = sy.apply(p.value());
                g.setColor(Palette.POINT);
                g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
            } else {
                double y = bottom - 6;
                g.setColor(Palette.NO_SCHEDULE);
                g.draw(new Line2D.Double(x - 4, y - 4, x + 4, y + 4));
                g.draw(new Line2D.Double(x - 4, y + 4, x + 4, y - 4));
            }
        }
        if (current != null) {
            double x = sx.apply(current.ramBudgetBytes());
            double y = current.feasible() ? sy.apply(current.value()) : bottom - 6;
            g.setColor(Palette.CURRENT_POINT);
            g.setStroke(Palette.THICK);
            g.draw(new Ellipse2D.Double(x - 7, y - 7, 14, 14));
            g.setStroke(Palette.THIN);
            String s = current.feasible() ? format(current.value()) : "infeasible";
            double tx = Math.min(x + 10, right - fm.stringWidth(s) - 2);
            g.drawString(s, (float) tx, (float) currentLabelBaseline(y, top, bottom, fm.getAscent(),
                    new Rectangle2D.Double(tx, 0, fm.stringWidth(s), 0), plainLabel));
        }
        g.setColor(Palette.AXIS);
        g.draw(new Rectangle2D.Double(left, top, pw, ph));
    }

    /**
     * The baseline of the label of the point on screen at {@code y}: above the point, or below it
     * when above it would cover the plain schedule's label (a schedule as good as the plain one
     * sits on its line, near its label when the budget is small).
     *
     * @param label the label's horizontal extent (its y and height are not read)
     * @param avoid the plain schedule's label, or null
     */
    static double currentLabelBaseline(double y, double top, double bottom, double ascent, Rectangle2D label,
            Rectangle2D avoid) {
        double above = Math.max(top + 10, y - 9);
        if (avoid == null || !new Rectangle2D.Double(label.getX(), above - ascent, label.getWidth(), ascent)
                .intersects(avoid)) {
            return above;
        }
        return Math.min(bottom - 2, y + 9 + ascent);
    }

    /** What the marks mean, right-aligned on the title's row. */
    private static void drawLegend(Graphics2D g, double right, FontMetrics fm) {
        String solve = "solve";
        String current = "on screen";
        String none = "no schedule";
        double x = right - (3 * 14 + fm.stringWidth(solve) + fm.stringWidth(current) + fm.stringWidth(none) + 2 * 12);
        double y = 11;
        g.setColor(Palette.POINT);
        g.fill(new Ellipse2D.Double(x + 2, y - 3, 6, 6));
        x = legendText(g, fm, solve, x + 14, y);
        g.setColor(Palette.CURRENT_POINT);
        g.setStroke(Palette.THICK);
        g.draw(new Ellipse2D.Double(x, y - 5, 10, 10));
        g.setStroke(Palette.THIN);
        x = legendText(g, fm, current, x + 14, y);
        g.setColor(Palette.NO_SCHEDULE);
        g.draw(new Line2D.Double(x + 1, y - 4, x + 9, y + 4));
        g.draw(new Line2D.Double(x + 1, y + 4, x + 9, y - 4));
        legendText(g, fm, none, x + 14, y);
    }

    private static double legendText(Graphics2D g, FontMetrics fm, String s, double x, double y) {
        g.setColor(Palette.TEXT);
        g.drawString(s, (float) x, (float) (y + fm.getAscent() / 2.0 - 1));
        return x + fm.stringWidth(s) + 12;
    }

    /** Data ranges of the plot (with padding) and its pixel box. */
    private record Frame(double x0, double x1, double y0, double y1, double left, double top, double right,
            double bottom) {
        double px(double v) {
            return left + (v - x0) / (x1 - x0) * (right - left);
        }

        double py(double v) {
            return bottom - (v - y0) / (y1 - y0) * (bottom - top);
        }
    }

    private Frame frame(double width, double height) {
        double left = LEFT;
        double top = TOP;
        double right = width - 14;
        double bottom = height - 38;
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (TradeoffPoint p : points) {
            xMin = Math.min(xMin, p.ramBudgetBytes());
            xMax = Math.max(xMax, p.ramBudgetBytes());
            if (p.feasible()) {
                yMin = Math.min(yMin, p.value());
                yMax = Math.max(yMax, p.value());
            }
        }
        if (!Double.isNaN(referenceLevel)) {
            yMin = Math.min(yMin, referenceLevel);
            yMax = Math.max(yMax, referenceLevel);
        }
        if (kind == Kind.PEAK_RAM && xMin <= xMax) {
            yMin = Math.min(yMin, xMin);
            yMax = Math.max(yMax, xMax);
        }
        if (xMax - xMin < 1) {
            xMin -= Math.max(1, xMin * 0.1);
            xMax += Math.max(1, xMax * 0.1);
        }
        if (yMin > yMax) {
            yMin = 0;
            yMax = 1;
        }
        if (yMax - yMin < Math.abs(yMax) * 1e-6 + 1e-12) {
            yMin -= Math.abs(yMin) * 0.05 + 1e-9;
            yMax += Math.abs(yMax) * 0.05 + 1e-9;
        }
        double xPad = (xMax - xMin) * 0.05;
        double yPad = (yMax - yMin) * 0.08;
        if (kind == Kind.PEAK_RAM) {
            // y = x from the left edge to the top right corner: the y axis ends where the x axis does
            return new Frame(xMin - xPad, xMax + xPad, Math.min(xMin - xPad, yMin - yPad), xMax + xPad, left, top,
                    right, bottom);
        }
        return new Frame(xMin - xPad, xMax + xPad, yMin - yPad, yMax + yPad, left, top, right, bottom);
    }

    /** The point drawn within 6 pixels of ({@code x}, {@code y}), nearest first, or null. */
    public TradeoffPoint pointAt(double width, double height, double x, double y) {
        if (points.isEmpty()) {
            return null;
        }
        Frame f = frame(width, height);
        TradeoffPoint best = null;
        double bestD = 36;
        for (TradeoffPoint p : points) {
            double py = p.feasible() ? f.py(p.value()) : f.bottom() - 6;
            double d = Math.pow(f.px(p.ramBudgetBytes()) - x, 2) + Math.pow(py - y, 2);
            if (d <= bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }
}
