package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.poetexplorer.chart.ActivationBands.Band;
import org.poetexplorer.chart.ActivationBands.State;

/**
 * Where the bands of {@link ActivationBands} are drawn in a memory plot. Each pixel column shows
 * the stack after the operation the RAM curve shows there (the one with the most RAM among those
 * in the column), so the stack's top is the curve. Neighbouring columns that show the same
 * operation share one rectangle per band. Bands thinner than a pixel are merged with their
 * neighbours above until the merge is a pixel high (or the stack ends); a merge takes the state of
 * its largest band and names no tensor. Thousands of tensors thus draw at most a rectangle per
 * pixel of the plot.
 */
public final class BandLayout {

    /**
     * One drawn rectangle: {@code node} is the tensor's node, or -1 for a merge of
     * {@code tensors} thin bands; {@code op} is the operation after which the stack is shown.
     */
    public record Segment(double x, double y, double width, double height, int node, int tensors, long bytes,
            State state, int op) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    private static final java.awt.Color SEPARATOR = new java.awt.Color(255, 255, 255, 150);

    public static final BandLayout EMPTY = new BandLayout(List.of());

    private final List<Segment> segments;

    private BandLayout(List<Segment> segments) {
        this.segments = segments;
    }

    public List<Segment> segments() {
        return segments;
    }

    /**
     * Lays out the bands over a plot at ({@code px}, {@code bottom - ph}) of {@code pw} by
     * {@code ph} pixels, whose top stands for {@code yMax} bytes.
     */
    public static BandLayout of(MemoryData data, ActivationBands bands, TimeWindow window, double px, double pw,
            double bottom, double ph, double yMax) {
        int[] columnOps = data.columnOps(window, px, pw);
        List<Segment> out = new ArrayList<>();
        List<Band> all = bands.bands();
        TreeSet<Band> active = new TreeSet<>(Comparator.comparingInt(Band::stackOrder));
        int next = 0;
        int shownOp = -1;
        int c = 0;
        while (c < columnOps.length) {
            int k = columnOps[c];
            int end = c + 1;
            while (end < columnOps.length && columnOps[end] == k) {
                end++;
            }
            if (k >= 0) {
                if (k < shownOp) {
                    active.clear();
                    next = 0;
                }
                active.removeIf(b -> b.toOp() <= k);
                while (next < all.size() && all.get(next).fromOp() <= k) {
                    Band b = all.get(next++);
                    if (b.toOp() > k) {
                        active.add(b);
                    }
                }
                shownOp = k;
                stack(out, active, px + c, end - c, bottom, ph, yMax, k);
            }
            c = end;
        }
        return new BandLayout(out);
    }

    private static void stack(List<Segment> out, Iterable<Band> stack, double x, double w, double bottom, double ph,
            double yMax, int op) {
        long below = 0;
        long mergedBytes = 0;
        int merged = 0;
        Band largest = null;
        for (Band b : stack) {
            double h = b.bytes() / yMax * ph;
            if (h >= 1 && merged == 0) {
                out.add(segment(x, w, below, b.bytes(), bottom, ph, yMax, b.node(), 1, b.state(), op));
                below += b.bytes();
                continue;
            }
            merged++;
            mergedBytes += b.bytes();
            if (largest == null || b.bytes() > largest.bytes()) {
                largest = b;
            }
            if (mergedBytes / yMax * ph >= 1) {
                out.add(segment(x, w, below, mergedBytes, bottom, ph, yMax, merged == 1 ? largest.node() : -1, merged,
                        largest.state(), op));
                below += mergedBytes;
                mergedBytes = 0;
                merged = 0;
                largest = null;
            }
        }
        if (merged > 0) {
            out.add(segment(x, w, below, mergedBytes, bottom, ph, yMax, merged == 1 ? largest.node() : -1, merged,
                    largest.state(), op));
        }
    }

    private static Segment segment(double x, double w, long below, long bytes, double bottom, double ph, double yMax,
            int node, int tensors, State state, int op) {
        double yLow = bottom - below / yMax * ph;
        double yHigh = bottom - (below + bytes) / yMax * ph;
        return new Segment(x, yHigh, w, yLow - yHigh, node, tensors, bytes, state, op);
    }

    /** The segment under ({@code x}, {@code y}), or null. */
    public Segment at(double x, double y) {
        for (Segment s : segments) {
            if (s.contains(x, y)) {
                return s;
            }
        }
        return null;
    }

    /** Fills the segments in their states' colours and outlines those of {@code selectedNode}. */
    public void draw(Graphics2D g, int selectedNode) {
        for (Segment s : segments) {
            g.setColor(s.state().colour());
            g.fill(new Rectangle2D.Double(s.x(), s.y(), s.width(), s.height()));
        }
        // a pale line between bands tall enough to keep some colour, so that tensors stay apart
        g.setColor(SEPARATOR);
        for (Segment s : segments) {
            if (s.height() >= 4) {
                g.fill(new Rectangle2D.Double(s.x(), s.y(), s.width(), 1));
            }
        }
        if (selectedNode < 0) {
            return;
        }
        g.setColor(Palette.SELECTION);
        g.setStroke(Palette.THICK);
        for (Segment s : segments) {
            if (s.node() == selectedNode) {
                g.draw(new Rectangle2D.Double(s.x(), s.y(), s.width(), s.height()));
            }
        }
        g.setStroke(Palette.THIN);
    }
}
