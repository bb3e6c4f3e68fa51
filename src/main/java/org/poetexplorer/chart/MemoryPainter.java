package org.poetexplorer.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.poetexplorer.model.Quantities;

/**
 * RAM in use over a schedule's time axis (same margins and {@link TimeWindow} as the
 * timeline): a step area of the activation bytes in RAM, the RAM budget as a dashed line, the
 * peak marked with its value, and the parameter memory as a separate labelled figure on the
 * right, since the RAM budget covers activations only. A pinned baseline schedule's curve can be
 * drawn over it as a line, to compare the two.
 */
public final class MemoryPainter implements ChartPainter {
    private final MemoryData data;
    private final TimeWindow window;
    private final long budgetBytes;
    private final long paramBytes;
    private final int markedOp;
    private final String emptyText;
    private final boolean clickHint;
    private final MemoryData baseline;
    private ActivationBands bands;
    private int selectedNode = -1;
    private BandLayout layout;

    /**
     * @param data the curve, or null to draw an empty chart
     * @param window visible time range, or null for the whole schedule
     * @param budgetBytes RAM budget (0 for none)
     * @param paramBytes parameter bytes (0 for none)
     * @param markedOp operation whose RAM contents are being listed (a vertical marker), -1 for none
     */
    public MemoryPainter(MemoryData data, TimeWindow window, long budgetBytes, long paramBytes, int markedOp) {
        this(data, window, budgetBytes, paramBytes, markedOp, null);
    }

    /** As above, with a pinned baseline schedule's curve drawn over this one (null for none). */
    public MemoryPainter(MemoryData data, TimeWindow window, long budgetBytes, long paramBytes, int markedOp,
            MemoryData baseline) {
        this(data, window, budgetBytes, paramBytes, markedOp, baseline, "No schedule yet", true);
    }

    private MemoryPainter(MemoryData data, TimeWindow window, long budgetBytes, long paramBytes, int markedOp,
            MemoryData baseline, String emptyText, boolean clickHint) {
        this.emptyText = emptyText;
        this.clickHint = clickHint;
        this.baseline = baseline;
        this.data = data;
        this.window = window != null ? window : TimeWindow.fit(data == null ? 1 : data.totalS());
        this.budgetBytes = budgetBytes;
        this.paramBytes = paramBytes;
        this.markedOp = markedOp;
    }

    /**
     * The chart as a file shows it: the whole schedule, nothing marked, no hint to click (a file
     * cannot be clicked), tensor by tensor, and {@code emptyText} where there is no schedule.
     */
    public static MemoryPainter exported(MemoryData data, long budgetBytes, long paramBytes, String emptyText) {
        MemoryPainter p = new MemoryPainter(data, null, budgetBytes, paramBytes, -1, null, emptyText, false);
        return data == null ? p : p.perTensor(data.bands(), -1);
    }

    /**
     * This chart drawn tensor by tensor: the area under the curve becomes the stacked bands of
     * {@code bands} (of the same schedule), with those of {@code selectedNode} outlined.
     */
    public MemoryPainter perTensor(ActivationBands bands, int selectedNode) {
        MemoryPainter p = new MemoryPainter(data, window, budgetBytes, paramBytes, markedOp, baseline, emptyText,
                clickHint);
        p.bands = bands;
        p.selectedNode = selectedNode;
        return p;
    }

    /**
     * This chart drawing its bands as {@code layout}, made before by {@link #bandLayout} of the
     * same chart at the size it is drawn (possibly on another thread).
     */
    public MemoryPainter withLayout(BandLayout layout) {
        MemoryPainter p = perTensor(bands, selectedNode);
        p.layout = layout;
        return p;
    }

    /** The RAM budget drawn (0 for none). */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** Where the bands are drawn on a chart {@code width} by {@code height}; empty without bands. */
    public BandLayout bandLayout(double width, double height) {
        if (bands == null || data == null || data.size() == 0) {
            return BandLayout.EMPTY;
        }
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double bottom = Math.max(ChartLayout.TOP + 20, height - ChartLayout.AXIS_HEIGHT);
        return BandLayout.of(data, bands, window, px, pw, bottom, bottom - ChartLayout.TOP, yMax());
    }

    /** The height of the RAM curve at pixel column {@code x} (the line's y), or NaN where it is not drawn. */
    public double curveY(double width, double height, double x) {
        if (data == null || data.size() == 0) {
            return Double.NaN;
        }
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double bottom = Math.max(ChartLayout.TOP + 20, height - ChartLayout.AXIS_HEIGHT);
        int[] shown = data.columnOps(window, px, pw);
        int c = (int) Math.floor(x - px);
        if (c < 0 || c >= shown.length || shown[c] < 0) {
            return Double.NaN;
        }
        return toY(data.ram(shown[c]), bottom, bottom - ChartLayout.TOP, yMax());
    }

    private double yMax() {
        long top = Math.max(Math.max(budgetBytes, data == null ? 0 : data.peakBytes()),
                baseline == null ? 0 : baseline.peakBytes());
        return top <= 0 ? 1 : top * 1.15;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        ChartLayout.clear(g, width, height);
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double top = ChartLayout.TOP;
        double bottom = Math.max(top + 20, height - ChartLayout.AXIS_HEIGHT);
        double ph = bottom - top;
        g.setColor(Palette.PLOT_BACKGROUND);
        g.fill(new Rectangle2D.Double(px, top, pw, ph));
        g.setFont(Palette.TITLE);
        g.setColor(Palette.TEXT);
        g.drawString("RAM in use (activations)", (float) px, 15f);
        drawLegend(g, px + 190, width);
        double yMax = yMax();
        drawYAxis(g, px, pw, top, ph, yMax);
        drawParameters(g, px + pw + 16, top, width - (px + pw + 16) - 8, ph);
        if (data == null || data.size() == 0) {
            EmptyState.draw(g, emptyText, px, top, pw, ph);
            drawBudget(g, px, pw, bottom, ph, yMax);
            g.setColor(Palette.AXIS);
            g.setStroke(Palette.THIN);
            g.draw(new Rectangle2D.Double(px, top, pw, ph));
            return;
        }
        TimeAxis.grid(g, window, px, pw, top, bottom);
        drawCurve(g, px, pw, bottom, ph, yMax);
        drawBaseline(g, px, pw, bottom, ph, yMax);
        drawBudget(g, px, pw, bottom, ph, yMax);
        drawMarked(g, px, pw, top, bottom);
        drawPeak(g, px, pw, bottom, ph, yMax);
        g.setColor(Palette.AXIS);
        g.setStroke(Palette.THIN);
        g.draw(new Rectangle2D.Double(px, top, pw, ph));
        TimeAxis.draw(g, window, px, pw, bottom);
    }

    private void drawLegend(Graphics2D g, double x, double width) {
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        if (bands == null) {
            x = legendSwatch(g, fm, x, Palette.RAM_FILL, "in RAM");
        } else {
            for (ActivationBands.State st : ActivationBands.State.values()) {
                x = legendSwatch(g, fm, x, st.colour(), st.label());
            }
        }
        x = lineKey(g, x, Palette.BUDGET, Palette.DASHED, "RAM budget");
        String peak = clickHint ? "peak (click to list contents)" : "peak";
        double baselineKey = baseline == null ? 0 : 22 + fm.stringWidth("baseline") + 14;
        if (x + 12 + fm.stringWidth(peak) + 14 + baselineKey > width) {
            peak = "peak"; // the hint gives way to the keys; the chart's tooltip says it too
        }
        g.setColor(Palette.PEAK);
        g.fill(new Ellipse2D.Double(x, 7, 8, 8));
        g.setColor(Palette.TEXT);
        g.drawString(peak, (float) (x + 12), 15f);
        if (baseline != null) {
            lineKey(g, x + 12 + fm.stringWidth(peak) + 14, Palette.BASELINE, Palette.THICK, "baseline");
        }
    }

    /** A legend entry for a line: a short stroke and its label at {@code x}; returns where the next entry goes. */
    private static double lineKey(Graphics2D g, double x, Color color, Stroke stroke, String label) {
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(x, 11, x + 18, 11));
        g.setStroke(Palette.THIN);
        g.setColor(Palette.TEXT);
        g.drawString(label, (float) (x + 22), 15f);
        return x + 22 + g.getFontMetrics().stringWidth(label) + 14;
    }

    private static double legendSwatch(Graphics2D g, FontMetrics fm, double x, Color colour, String text) {
        g.setColor(colour);
        g.fill(new Rectangle2D.Double(x, 6, 10, 10));
        g.setColor(Palette.TEXT);
        g.drawString(text, (float) (x + 14), 15f);
        return x + 14 + fm.stringWidth(text) + 14;
    }

    private static double toY(double bytes, double bottom, double ph, double yMax) {
        return bottom - bytes / yMax * ph;
    }

    private static void drawYAxis(Graphics2D g, double px, double pw, double top, double ph, double yMax) {
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (double v : Ticks.labelled(0, yMax, Math.max(2, (int) (ph / 28)), Quantities::bytes)) {
            double y = toY(v, top + ph, ph, yMax);
            g.setColor(Palette.GRID);
            g.draw(new Line2D.Double(px, y, px + pw, y));
            g.setColor(Palette.AXIS);
            String s = Quantities.bytes(v);
            g.drawString(s, (float) (px - 6 - fm.stringWidth(s)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
    }

    /**
     * The pinned baseline's curve as a line over this schedule's chart, column by column like the
     * current curve, so it stays inside the plot without a clip.
     */
    private void drawBaseline(Graphics2D g, double px, double pw, double bottom, double ph, double yMax) {
        if (baseline == null || baseline.size() == 0) {
            return;
        }
        int[] shown = baseline.columnOps(window, px, pw);
        Path2D line = new Path2D.Double(Path2D.WIND_NON_ZERO, 2 * shown.length + 2);
        boolean open = false;
        for (int c = 0; c < shown.length; c++) {
            if (shown[c] < 0) {
                continue;
            }
            double y = toY(baseline.ram(shown[c]), bottom, ph, yMax);
            if (open) {
                line.lineTo(px + c, y);
            } else {
                line.moveTo(px + c, y);
                open = true;
            }
            line.lineTo(px + c + 1, y);
        }
        g.setColor(Palette.BASELINE);
        g.setStroke(Palette.THICK);
        g.draw(line);
        g.setStroke(Palette.THIN);
    }

    private void drawCurve(Graphics2D g, double px, double pw, double bottom, double ph, double yMax) {
        int[] shown = data.columnOps(window, px, pw);
        int columns = shown.length;
        // room for every point at once: a path grown point by point is copied over and over
        Path2D area = new Path2D.Double(Path2D.WIND_NON_ZERO, 4 * columns + 8);
        Path2D line = new Path2D.Double(Path2D.WIND_NON_ZERO, 4 * columns + 8);
        boolean open = false;
        double lastX = px;
        double lastY = bottom;
        for (int c = 0; c < columns; c++) {
            if (shown[c] < 0) {
                continue;
            }
            double x = px + c;
            double y = toY(data.ram(shown[c]), bottom, ph, yMax);
            if (!open) {
                area.moveTo(x, bottom);
                area.lineTo(x, y);
                line.moveTo(x, y);
                open = true;
            } else if (y != lastY) {
                // a step; a column at the same level only lengthens the stretch before it
                area.lineTo(x, lastY);
                area.lineTo(x, y);
                line.lineTo(x, lastY);
                line.lineTo(x, y);
            }
            lastX = x + 1;
            lastY = y;
        }
        if (!open) {
            return;
        }
        area.lineTo(lastX, lastY);
        line.lineTo(lastX, lastY);
        area.lineTo(lastX, bottom);
        area.closePath();
        if (bands != null) {
            (layout != null ? layout : BandLayout.of(data, bands, window, px, pw, bottom, ph, yMax)).draw(g,
                    selectedNode);
        } else {
            g.setColor(Palette.RAM_FILL);
            g.fill(area);
        }
        g.setColor(Palette.RAM_LINE);
        g.setStroke(Palette.THIN);
        g.draw(line);
    }

    private void drawBudget(Graphics2D g, double px, double pw, double bottom, double ph, double yMax) {
        if (budgetBytes <= 0) {
            return;
        }
        double y = toY(budgetBytes, bottom, ph, yMax);
        g.setColor(Palette.BUDGET);
        g.setStroke(Palette.DASHED);
        g.draw(new Line2D.Double(px, y, px + pw, y));
        g.setStroke(Palette.THIN);
        g.setFont(Palette.SMALL);
        Rectangle2D label = budgetLabel(g, px, pw, y);
        g.drawString(budgetText(), (float) label.getX(), (float) (y - 3));
    }

    private String budgetText() {
        return "budget " + Quantities.bytes(budgetBytes);
    }

    /** Where the budget's label is drawn: right-aligned just above the budget line at height y. */
    private Rectangle2D budgetLabel(Graphics2D g, double px, double pw, double y) {
        FontMetrics fm = g.getFontMetrics(Palette.SMALL);
        double w = fm.stringWidth(budgetText());
        return new Rectangle2D.Double(px + pw - w - 4, y - 3 - fm.getAscent(), w, fm.getAscent() + fm.getDescent());
    }

    private void drawPeak(Graphics2D g, double px, double pw, double bottom, double ph, double yMax) {
        int k = data.peakOp();
        double x = window.toX(data.timeS(k), px, pw);
        if (x < px || x > px + pw) {
            return;
        }
        double y = toY(data.peakBytes(), bottom, ph, yMax);
        g.setColor(Palette.PEAK);
        g.fill(new Ellipse2D.Double(x - 4, y - 4, 8, 8));
        g.setFont(Palette.LABEL);
        FontMetrics fm = g.getFontMetrics();
        String s = "peak " + Quantities.bytes(data.peakBytes());
        double tx = Math.min(x + 6, px + pw - fm.stringWidth(s) - 4);
        tx = Math.max(tx, px + 4);
        double ty = Math.max(y - 6, ChartLayout.TOP + fm.getAscent());
        if (budgetBytes > 0) {
            Rectangle2D budget = budgetLabel(g, px, pw, toY(budgetBytes, bottom, ph, yMax));
            Rectangle2D peak = new Rectangle2D.Double(tx, ty - fm.getAscent(), fm.stringWidth(s),
                    fm.getAscent() + fm.getDescent());
            if (peak.intersects(budget)) {
                ty = Math.min(y + 6 + fm.getAscent(), bottom - fm.getDescent()); // below the point instead
            }
        }
        g.drawString(s, (float) tx, (float) ty);
    }

    private void drawMarked(Graphics2D g, double px, double pw, double top, double bottom) {
        if (markedOp < 0 || markedOp >= data.size()) {
            return;
        }
        double x = window.toX(data.timeS(markedOp), px, pw);
        if (x < px || x > px + pw) {
            return;
        }
        g.setColor(Palette.SELECTION);
        g.setStroke(Palette.THIN);
        g.draw(new Line2D.Double(x, top, x, bottom));
    }

    private void drawParameters(Graphics2D g, double x, double top, double w, double ph) {
        if (w < 40) {
            return;
        }
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Palette.TEXT);
        g.drawString("Parameters", (float) x, (float) (top + fm.getAscent()));
        double barTop = top + fm.getHeight() + 4;
        double barH = Math.max(10, ph - 2 * fm.getHeight() - 12);
        g.setColor(Palette.PARAM_FILL);
        g.fill(new Rectangle2D.Double(x, barTop, 18, barH));
        g.setColor(Palette.AXIS);
        g.draw(new Rectangle2D.Double(x, barTop, 18, barH));
        g.setColor(Palette.TEXT);
        g.setFont(Palette.LABEL);
        g.drawString(Quantities.bytes(paramBytes), (float) (x + 24), (float) (barTop + 12));
        g.setFont(Palette.SMALL);
        g.setColor(Palette.MUTED_TEXT);
        g.drawString("not in the", (float) (x + 24), (float) (barTop + 26));
        g.drawString("RAM budget", (float) (x + 24), (float) (barTop + 38));
    }

    /** True when ({@code x}, {@code y}) is on the peak marker or in the area right under it. */
    public static boolean isNearPeak(MemoryData data, TimeWindow window, long budgetBytes, double width,
            double height, double x, double y) {
        return isNearPeak(data, null, window, budgetBytes, width, height, x, y);
    }

    /** As above, in a chart with a pinned baseline's curve (null for none), which may raise the RAM axis. */
    public static boolean isNearPeak(MemoryData data, MemoryData baseline, TimeWindow window, long budgetBytes,
            double width, double height, double x, double y) {
        if (data == null || data.size() == 0) {
            return false;
        }
        MemoryPainter p = new MemoryPainter(data, window, budgetBytes, 0, -1, baseline);
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double bottom = Math.max(ChartLayout.TOP + 20, height - ChartLayout.AXIS_HEIGHT);
        double ph = bottom - ChartLayout.TOP;
        double mx = p.window.toX(data.timeS(data.peakOp()), px, pw);
        double my = toY(data.peakBytes(), bottom, ph, p.yMax());
        return Math.abs(x - mx) <= 6 && y >= my - 8 && y <= bottom;
    }

    /**
     * The operation whose RAM is shown at pixel column {@code x}, or -1 outside the plot. Where
     * several operations end within the column, the one with the most RAM (the one drawn).
     */
    public static int opAtX(MemoryData data, TimeWindow window, double width, double x) {
        if (data == null) {
            return -1;
        }
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        if (x < px || x > px + pw) {
            return -1;
        }
        TimeWindow w = window != null ? window : TimeWindow.fit(data.totalS());
        int first = data.opAt(w.toTime(x - 0.5, px, pw));
        int last = data.opAt(w.toTime(x + 0.5, px, pw));
        int best = last;
        for (int k = Math.max(0, first); k <= last; k++) {
            if (data.ram(k) > data.ram(best)) {
                best = k;
            }
        }
        return best;
    }
}
