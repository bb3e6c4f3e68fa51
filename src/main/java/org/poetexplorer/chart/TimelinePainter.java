package org.poetexplorer.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;

/**
 * Gantt timeline of a schedule: one lane per kind of operation (compute, recompute, page-out,
 * page-in), stage boundaries, a legend and a time axis; the selected node's operations are
 * outlined and linked by {@link FlowArrows} in time order. Only the visible operations are
 * visited (binary search per lane), and operations narrower than a pixel are merged per pixel
 * column, so the cost of a frame depends on the width, not on the number of operations.
 */
public final class TimelinePainter implements ChartPainter {
    private static final double LANE_PAD = 3;
    /** Top of the lanes: below the legend and the row of stage labels. */
    public static final double TOP = 38;

    private final TimelineData data;
    private final TimeWindow window;
    private final int selectedNode;
    private final int hoveredOp;
    private final String emptyText;

    /**
     * @param data the schedule, or null to draw an empty chart
     * @param window the visible time range, or null for the whole schedule (fit)
     * @param selectedNode node whose operations are highlighted, -1 for none
     * @param hoveredOp operation outlined under the pointer, -1 for none
     */
    public TimelinePainter(TimelineData data, TimeWindow window, int selectedNode, int hoveredOp) {
        this(data, window, selectedNode, hoveredOp, "No schedule yet");
    }

    /** As above, with the text shown when there is no schedule (why there is none). */
    public TimelinePainter(TimelineData data, TimeWindow window, int selectedNode, int hoveredOp, String emptyText) {
        this.emptyText = emptyText;
        this.data = data;
        this.window = window != null ? window : TimeWindow.fit(data == null ? 1 : data.totalS());
        this.selectedNode = selectedNode;
        this.hoveredOp = hoveredOp;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        g.setColor(Palette.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double top = TOP;
        double bottom = Math.max(top + 20, height - ChartLayout.AXIS_HEIGHT);
        double laneH = (bottom - top) / TimelineData.LANES.size();
        g.setColor(Palette.PLOT_BACKGROUND);
        g.fill(new Rectangle2D.Double(px, top, pw, bottom - top));
        drawLegend(g, px, width);
        drawLaneNames(g, top, laneH);
        if (data == null) {
            g.setColor(Palette.MUTED_TEXT);
            g.setFont(Palette.LABEL);
            g.drawString(emptyText, (float) (px + 12), (float) (top + laneH));
            TimeAxis.draw(g, window, px, pw, bottom);
            return;
        }
        Shape oldClip = g.getClip();
        g.clip(new Rectangle2D.Double(px, top, pw, bottom - top));
        TimeAxis.grid(g, window, px, pw, top, bottom);
        drawStages(g, px, pw, top, bottom);
        for (int lane = 0; lane < TimelineData.LANES.size(); lane++) {
            drawLane(g, lane, px, pw, top + lane * laneH, laneH);
        }
        drawHighlights(g, px, pw, top, laneH);
        g.setClip(oldClip);
        drawStageLabels(g, px, pw, top);
        g.setColor(Palette.AXIS);
        g.setStroke(Palette.THIN);
        for (int lane = 1; lane < TimelineData.LANES.size(); lane++) {
            double y = top + lane * laneH;
            g.draw(new Line2D.Double(px, y, px + pw, y));
        }
        g.draw(new Rectangle2D.Double(px, top, pw, bottom - top));
        TimeAxis.draw(g, window, px, pw, bottom);
    }

    private void drawLegend(Graphics2D g, double px, double width) {
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        double x = px;
        double y = 8;
        for (OpKind k : TimelineData.LANES) {
            g.setColor(Palette.of(k));
            g.fill(new Rectangle2D.Double(x, y, 10, 10));
            g.setColor(Palette.TEXT);
            String s = Palette.label(k);
            g.drawString(s, (float) (x + 14), (float) (y + 9));
            x += 14 + fm.stringWidth(s) + 14;
        }
        g.setColor(Palette.STAGE_LINE);
        g.draw(new Line2D.Double(x + 5, y - 1, x + 5, y + 11));
        g.setColor(Palette.TEXT);
        g.drawString("stage boundary", (float) (x + 10), (float) (y + 9));
        if (data != null) {
            String s = Quantities.duration(data.totalS()) + " total, " + data.schedule().ops().size() + " operations";
            g.setColor(Palette.MUTED_TEXT);
            g.drawString(s, (float) (width - 10 - fm.stringWidth(s)), (float) (y + 9));
        }
    }

    private static void drawLaneNames(Graphics2D g, double top, double laneH) {
        g.setFont(Palette.LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int lane = 0; lane < TimelineData.LANES.size(); lane++) {
            OpKind k = TimelineData.LANES.get(lane);
            String s = Palette.label(k);
            double y = top + lane * laneH + laneH / 2 + fm.getAscent() / 2.0 - 1;
            g.setColor(Palette.of(k));
            g.fill(new Rectangle2D.Double(6, y - fm.getAscent() + 2, 4, fm.getAscent() - 2));
            g.setColor(Palette.TEXT);
            g.drawString(s, 14f, (float) y);
        }
    }

    private void drawStages(Graphics2D g, double px, double pw, double top, double bottom) {
        double[] starts = data.stageStarts();
        int[] numbers = data.stageNumbers();
        g.setStroke(Palette.THIN);
        g.setFont(Palette.SMALL);
        double lastX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < starts.length; i++) {
            double x = window.toX(starts[i], px, pw);
            if (x < px - 1 || x > px + pw + 1 || x - lastX < 5) {
                continue;
            }
            lastX = x;
            g.setColor(Palette.STAGE_LINE);
            g.draw(new Line2D.Double(x, top, x, bottom));
        }
    }

    /** Stage numbers above the lanes where there is room for them. */
    private void drawStageLabels(Graphics2D g, double px, double pw, double top) {
        double[] starts = data.stageStarts();
        int[] numbers = data.stageNumbers();
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Palette.MUTED_TEXT);
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < starts.length; i++) {
            double x = window.toX(starts[i], px, pw);
            String s = "t" + numbers[i];
            if (x < px || x + fm.stringWidth(s) > px + pw || x < lastEnd + 8) {
                continue;
            }
            g.drawString(s, (float) (x + 1), (float) (top - 3));
            lastEnd = x + fm.stringWidth(s);
        }
    }

    private void drawLane(Graphics2D g, int lane, double px, double pw, double laneTop, double laneH) {
        int[] ops = data.laneOps(lane);
        Color fill = Palette.of(TimelineData.LANES.get(lane));
        double y = laneTop + LANE_PAD;
        double h = laneH - 2 * LANE_PAD;
        long lastColumn = Long.MIN_VALUE;
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = data.firstEndingFrom(lane, window.startS()); i < ops.length; i++) {
            Operation op = data.op(ops[i]);
            if (op.startS() > window.endS()) {
                break;
            }
            double x0 = window.toX(op.startS(), px, pw);
            double x1 = window.toX(op.endS(), px, pw);
            if (x1 - x0 < 1.5) {
                long column = (long) Math.floor(x0);
                if (column == lastColumn) {
                    continue;
                }
                lastColumn = column;
                g.setColor(fill);
                g.fill(new Rectangle2D.Double(column, y, 1.5, h));
                continue;
            }
            lastColumn = (long) Math.floor(x1);
            double a = Math.max(x0, px - 2);
            double b = Math.min(x1, px + pw + 2);
            g.setColor(fill);
            g.fill(new Rectangle2D.Double(a, y, b - a, h));
            if (x1 - x0 > 4) {
                g.setColor(fill.darker());
                g.draw(new Line2D.Double(x0, y, x0, y + h));
            }
            if (b - a > 40) {
                String name = data.schedule().graph().node(op.node()).name();
                if (fm.stringWidth(name) + 6 < b - a) {
                    g.setColor(Color.WHITE);
                    g.drawString(name, (float) (a + 3), (float) (y + h / 2 + fm.getAscent() / 2.0 - 1));
                }
            }
        }
    }

    private void drawHighlights(Graphics2D g, double px, double pw, double top, double laneH) {
        if (selectedNode >= 0) {
            int[] ops = data.opsOfNode(selectedNode);
            for (int k : ops) {
                outline(g, k, px, pw, top, laneH, Palette.SELECTION, true);
            }
            FlowArrows.draw(g, ops, k -> bar(k, px, pw, top, laneH));
        }
        if (hoveredOp >= 0 && hoveredOp < data.schedule().ops().size()) {
            outline(g, hoveredOp, px, pw, top, laneH, Palette.HOVER, false);
        }
    }

    /** Where operation {@code opIndex} is drawn: its time span in its lane, at least a pixel wide. */
    private Rectangle2D bar(int opIndex, double px, double pw, double top, double laneH) {
        Operation op = data.op(opIndex);
        int lane = TimelineData.LANES.indexOf(op.kind());
        if (lane < 0) {
            return null;
        }
        double x0 = window.toX(op.startS(), px, pw);
        double x1 = Math.max(window.toX(op.endS(), px, pw), x0 + 1);
        return new Rectangle2D.Double(x0, top + lane * laneH + LANE_PAD, x1 - x0, laneH - 2 * LANE_PAD);
    }

    private void outline(Graphics2D g, int opIndex, double px, double pw, double top, double laneH, Color c,
            boolean marker) {
        Operation op = data.op(opIndex);
        int lane = TimelineData.LANES.indexOf(op.kind());
        if (lane < 0) {
            return;
        }
        double x0 = window.toX(op.startS(), px, pw);
        double x1 = Math.max(window.toX(op.endS(), px, pw), x0 + 1);
        if (x1 < px - 4 || x0 > px + pw + 4) {
            return;
        }
        double y = top + lane * laneH + 1;
        double h = laneH - 2;
        double grow = x1 - x0 < 3 ? (3 - (x1 - x0)) / 2 : 0;
        g.setColor(c);
        g.setStroke(Palette.THICK);
        g.draw(new Rectangle2D.Double(x0 - grow, y, x1 - x0 + 2 * grow, h));
        if (marker) {
            double mx = (x0 + x1) / 2;
            Path2D tri = new Path2D.Double();
            tri.moveTo(mx - 4, y);
            tri.lineTo(mx + 4, y);
            tri.lineTo(mx, y + 5);
            tri.closePath();
            g.fill(tri);
        }
        g.setStroke(Palette.THIN);
    }

    /**
     * The operation drawn at ({@code x}, {@code y}) in a chart of the given size, or -1. Hits
     * within three pixels count, so operations narrower than a pixel can still be picked.
     */
    public static int opAt(TimelineData data, TimeWindow visible, double width, double height, double x, double y) {
        if (data == null) {
            return -1;
        }
        TimeWindow window = visible != null ? visible : TimeWindow.fit(data.totalS());
        double px = ChartLayout.LEFT;
        double pw = ChartLayout.plotWidth(width);
        double top = TOP;
        double bottom = Math.max(top + 20, height - ChartLayout.AXIS_HEIGHT);
        if (x < px || x > px + pw || y < top || y > bottom) {
            return -1;
        }
        double laneH = (bottom - top) / TimelineData.LANES.size();
        int lane = Math.min(TimelineData.LANES.size() - 1, (int) ((y - top) / laneH));
        double t = window.toTime(x, px, pw);
        double tol = 3 * window.span() / pw;
        int[] ops = data.laneOps(lane);
        int best = -1;
        double bestDist = Double.MAX_VALUE;
        for (int i = data.firstEndingFrom(lane, t - tol); i < ops.length; i++) {
            Operation op = data.op(ops[i]);
            if (op.startS() > t + tol) {
                break;
            }
            double dist = t < op.startS() ? op.startS() - t : t > op.endS() ? t - op.endS() : 0;
            if (dist < bestDist) {
                bestDist = dist;
                best = ops[i];
            }
        }
        return best;
    }
}
