package org.poetexplorer.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;

/**
 * Gantt timeline of a schedule: one lane per kind of operation (compute, recompute, page-out,
 * page-in), stage boundaries, the runtime budget, a legend and a time axis; the selected node's
 * operations are outlined and linked by {@link FlowArrows} in time order. The time axis is the
 * model's: computations run back to back and transfers run beside the computations of their
 * stage, the part of a transfer that runs past its stage drawn pale.
 * <p>
 * Drawn at the level of detail the zoom allows: only the visible operations are visited (binary
 * search per lane), and runs of operations narrower than a pixel merge into one bar per lane, so
 * the cost of a frame grows with the width, not with the number of operations. Nothing is drawn
 * outside the plot and no clip is set (some SVG renderers draw clipped groups blank).
 */
public final class TimelinePainter implements ChartPainter {
    private static final double LANE_PAD = 3;
    /** Top of the lanes: below the two legend rows and the row of stage labels. */
    public static final double TOP = 52;
    /** Bars narrower than this many pixels are merged with their neighbours. */
    private static final double NARROW = 1.5;

    private final TimelineData data;
    private final TimeWindow window;
    private final int selectedNode;
    private final int hoveredOp;
    private final String emptyText;
    private java.util.BitSet matches;

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

    /** This timeline with the operations of the nodes in {@code nodes} (a search's matches) outlined. */
    public TimelinePainter withMatches(java.util.BitSet nodes) {
        TimelinePainter p = new TimelinePainter(data, window, selectedNode, hoveredOp, emptyText);
        p.matches = nodes;
        return p;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        ChartLayout.clear(g, width, height);
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
            EmptyState.draw(g, emptyText, px, top, pw, bottom - top);
            g.setColor(Palette.AXIS);
            g.setStroke(Palette.THIN);
            g.draw(new Rectangle2D.Double(px, top, pw, bottom - top));
            return;
        }
        TimeAxis.grid(g, window, px, pw, top, bottom);
        drawStages(g, px, pw, top, bottom);
        for (int lane = 0; lane < TimelineData.LANES.size(); lane++) {
            drawLane(g, lane, px, pw, top + lane * laneH, laneH);
        }
        drawHighlights(g, px, pw, top, laneH);
        drawStageLabels(g, px, pw, top);
        g.setColor(Palette.AXIS);
        g.setStroke(Palette.THIN);
        for (int lane = 1; lane < TimelineData.LANES.size(); lane++) {
            double y = top + lane * laneH;
            g.draw(new Line2D.Double(px, y, px + pw, y));
        }
        g.draw(new Rectangle2D.Double(px, top, pw, bottom - top));
        drawRuntimeBudget(g, px, pw, top, bottom);
        TimeAxis.draw(g, window, px, pw, bottom);
    }

    private void drawLegend(Graphics2D g, double px, double width) {
        g.setFont(Palette.SMALL);
        FontMetrics fm = g.getFontMetrics();
        double x = px;
        double y = 6;
        for (OpKind k : TimelineData.LANES) {
            g.setColor(Palette.of(k));
            g.fill(new Rectangle2D.Double(x, y, 10, 10));
            x = legendText(g, Palette.label(k), x + 14, y);
        }
        g.setStroke(Palette.THIN);
        g.setColor(Palette.STAGE_LINE);
        g.draw(new Line2D.Double(x + 5, y - 1, x + 5, y + 11));
        x = legendText(g, "stage boundary", x + 10, y);
        g.setColor(Palette.BUDGET);
        g.setStroke(Palette.THICK);
        g.draw(new Line2D.Double(x + 5, y - 1, x + 5, y + 11));
        g.setStroke(Palette.THIN);
        x = legendText(g, "runtime budget", x + 10, y);
        overrunBox(g, OpKind.PAGE_IN, x, y, 10, 10);
        legendText(g, "transfer past its stage", x + 14, y);

        double y2 = 21;
        g.setColor(Palette.MUTED_TEXT);
        boolean serial = data != null && data.transfersTakeTime();
        String note = serial ? "transfers take time: in series with compute" : "transfers overlap compute";
        g.drawString(note, (float) px, (float) (y2 + 9));
        if (data != null) {
            String s = (serial ? "run time " : "compute ") + Quantities.duration(data.computeEndS()) + " of a "
                    + Quantities.duration(data.runtimeBudgetS()) + " budget, " + data.drawnOps() + " operations";
            double sx = width - 10 - fm.stringWidth(s);
            if (sx > px + fm.stringWidth(note) + 16) {
                g.drawString(s, (float) sx, (float) (y2 + 9));
            }
        }
    }

    /** A legend label at ({@code x}, row {@code y}); returns where the next entry starts. */
    private static double legendText(Graphics2D g, String s, double x, double y) {
        g.setColor(Palette.TEXT);
        g.drawString(s, (float) x, (float) (y + 9));
        return x + g.getFontMetrics().stringWidth(s) + 14;
    }

    /** The pale bar with the kind's border that marks a transfer running past its stage. */
    private static void overrunBox(Graphics2D g, OpKind kind, double x, double y, double w, double h) {
        g.setColor(Palette.overrun(kind));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setColor(Palette.of(kind));
        g.setStroke(Palette.THIN);
        g.draw(new Rectangle2D.Double(x + 0.5, y + 0.5, Math.max(0, w - 1), Math.max(0, h - 1)));
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
        g.setStroke(Palette.THIN);
        g.setColor(Palette.STAGE_LINE);
        double lastX = Double.NEGATIVE_INFINITY;
        for (int i = data.firstStageFrom(window.startS()); i < starts.length; i++) {
            double x = window.toX(starts[i], px, pw);
            if (x > px + pw) {
                break;
            }
            if (x < px || x - lastX < 5) {
                continue;
            }
            lastX = x;
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
        double budgetFrom = budgetLabelLeft(fm, px, pw) - 6;
        double budgetTo = budgetFrom + fm.stringWidth(budgetLabel(window.endS() < data.runtimeBudgetS())) + 12;
        // Every label is given the width of the longest one, measured once: measuring text costs
        // a JavaFX text layout per call, and a paint of thousands of stages asked for dozens.
        double labelW = numbers.length == 0 ? 0 : fm.stringWidth("t" + numbers[numbers.length - 1]);
        for (int i = data.firstStageFrom(window.startS()); i < starts.length; i++) {
            double x = window.toX(starts[i], px, pw);
            if (x > px + pw) {
                break;
            }
            if (x < px || x < lastEnd + 8) {
                continue;
            }
            double end = x + labelW;
            if (end > px + pw || end > budgetFrom && x < budgetTo) {
                continue;
            }
            g.drawString("t" + numbers[i], (float) (x + 1), (float) (top - 3));
            lastEnd = end;
        }
    }

    /**
     * The runtime budget as a line across the lanes with its value above them; when it lies right
     * of the visible window, its value at the right edge with an arrow.
     */
    private void drawRuntimeBudget(Graphics2D g, double px, double pw, double top, double bottom) {
        double x = window.toX(data.runtimeBudgetS(), px, pw);
        if (x < px) {
            return;
        }
        if (x <= px + pw) {
            g.setColor(Palette.BUDGET);
            g.setStroke(Palette.THICK);
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setStroke(Palette.THIN);
        }
        g.setFont(Palette.SMALL);
        g.setColor(Palette.BUDGET);
        g.drawString(budgetLabel(x > px + pw), (float) budgetLabelLeft(g.getFontMetrics(), px, pw), (float) (top - 3));
    }

    private String budgetLabel(boolean beyondView) {
        return "budget " + Quantities.duration(data.runtimeBudgetS()) + (beyondView ? " \u2192" : "");
    }

    /** Where the budget's label starts above the lanes (stage labels stop before it); beyond the plot if not shown. */
    private double budgetLabelLeft(FontMetrics fm, double px, double pw) {
        double x = window.toX(data.runtimeBudgetS(), px, pw);
        if (x < px) {
            return Double.POSITIVE_INFINITY;
        }
        String s = budgetLabel(x > px + pw);
        return x > px + pw ? px + pw - fm.stringWidth(s)
                : Math.max(px, Math.min(x - fm.stringWidth(s) / 2.0, px + pw - fm.stringWidth(s)));
    }

    private void drawLane(Graphics2D g, int lane, double px, double pw, double laneTop, double laneH) {
        int[] ops = data.laneOps(lane);
        OpKind kind = TimelineData.LANES.get(lane);
        Color fill = Palette.of(kind);
        Color edge = fill.darker();
        double y = laneTop + LANE_PAD;
        double h = laneH - 2 * LANE_PAD;
        double left = px;
        double right = px + pw;
        g.setFont(Palette.SMALL);
        g.setStroke(Palette.THIN);
        FontMetrics fm = g.getFontMetrics();
        double runFrom = Double.NaN;
        double runTo = Double.NaN;
        for (int i = data.firstEndingFrom(lane, window.startS()); i < ops.length; i++) {
            Operation op = data.op(ops[i]);
            if (op.startS() > window.endS()) {
                break;
            }
            double x0 = window.toX(op.startS(), px, pw);
            double x1 = window.toX(op.endS(), px, pw);
            if (x1 < left || x1 - x0 < NARROW) {
                if (x1 < left) {
                    continue;
                }
                // level of detail: neighbours narrower than a pixel become one bar
                if (!Double.isNaN(runFrom) && x0 <= runTo + 1) {
                    runTo = Math.max(runTo, Math.max(x1, x0 + NARROW));
                } else {
                    bar(g, fill, runFrom, runTo, left, right, y, h);
                    runFrom = x0;
                    runTo = Math.max(x1, x0 + NARROW);
                }
                continue;
            }
            double a = Math.max(x0, left);
            double b = Math.min(x1, right);
            double stageEnd = kind.isTransfer() ? window.toX(data.stageComputeEndS(op.stage()), px, pw) : x1;
            bar(g, fill, a, Math.min(b, Math.max(a, stageEnd)), left, right, y, h);
            if (stageEnd < b) {
                double from = Math.max(a, stageEnd);
                overrunBox(g, kind, from, y, b - from, h);
            }
            if (x0 >= left && x1 - x0 > 4) {
                g.setColor(edge);
                g.draw(new Line2D.Double(x0, y, x0, y + h));
            }
            if (b - a > 40) {
                String name = data.schedule().graph().node(op.node()).name();
                if (fm.stringWidth(name) + 6 < Math.min(b, stageEnd) - a) {
                    g.setColor(Color.WHITE);
                    g.drawString(name, (float) (a + 3), (float) (y + h / 2 + fm.getAscent() / 2.0 - 1));
                }
            }
        }
        bar(g, fill, runFrom, runTo, left, right, y, h);
    }

    /** A bar from {@code x0} to {@code x1}, kept inside the plot; nothing for NaN or an empty stretch. */
    private static void bar(Graphics2D g, Color fill, double x0, double x1, double left, double right, double y,
            double h) {
        double a = Math.max(x0, left);
        double b = Math.min(x1, right);
        if (!(b > a)) {
            return;
        }
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(a, y, b - a, h));
    }

    private void drawHighlights(Graphics2D g, double px, double pw, double top, double laneH) {
        if (selectedNode >= 0) {
            int[] ops = data.opsOfNode(selectedNode);
            for (int k : ops) {
                outline(g, k, px, pw, top, laneH, Palette.SELECTION, true);
            }
            FlowArrows.draw(g, ops, k -> bar(k, px, pw, top, laneH), px, px + pw);
        }
        if (hoveredOp >= 0 && hoveredOp < data.schedule().ops().size()) {
            outline(g, hoveredOp, px, pw, top, laneH, Palette.HOVER, false);
        }
        if (matches != null) {
            for (int i = matches.nextSetBit(0); i >= 0; i = matches.nextSetBit(i + 1)) {
                for (int k : data.opsOfNode(i)) {
                    underline(g, k, px, pw, top, laneH);
                }
            }
        }
    }

    /** A search match: a strip along the foot of the operation's bar, at least 3 px wide. */
    private void underline(Graphics2D g, int opIndex, double px, double pw, double top, double laneH) {
        Operation op = data.op(opIndex);
        int lane = TimelineData.LANES.indexOf(op.kind());
        double x0 = window.toX(op.startS(), px, pw);
        double x1 = Math.max(window.toX(op.endS(), px, pw), x0 + 3);
        double a = Math.max(px, x0);
        double b = Math.min(px + pw, x1);
        if (lane < 0 || !(b > a)) {
            return;
        }
        g.setColor(Palette.MATCH);
        g.fill(new Rectangle2D.Double(a, top + (lane + 1) * laneH - 5, b - a, 4));
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
        if (x1 < px || x0 > px + pw) {
            return;
        }
        double grow = x1 - x0 < 3 ? (3 - (x1 - x0)) / 2 : 0;
        double a = Math.max(px + 1, x0 - grow);
        double b = Math.min(px + pw - 1, x1 + grow);
        double y = top + lane * laneH + 1;
        double h = laneH - 2;
        g.setColor(c);
        g.setStroke(Palette.THICK);
        g.draw(new Rectangle2D.Double(a, y, Math.max(0, b - a), h));
        if (marker) {
            double mx = (a + b) / 2;
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
        double bestDist = tol;
        for (int i = data.firstEndingFrom(lane, t - tol); i < ops.length; i++) {
            Operation op = data.op(ops[i]);
            if (op.startS() > t + tol) {
                break;
            }
            double dist = t < op.startS() ? op.startS() - t : t > op.endS() ? t - op.endS() : 0;
            // a later start wins a tie: where transfers of two stages overlap, the later one is drawn on top
            if (dist < bestDist || dist == bestDist && dist == 0) {
                bestDist = dist;
                best = ops[i];
            }
        }
        return best;
    }
}
