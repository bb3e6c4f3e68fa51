package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.chart.ActivationBands.Band;
import org.poetexplorer.chart.ActivationBands.State;

/**
 * Where the bands of {@link ActivationBands} are drawn in a memory plot. Each pixel column shows
 * the stack after the operation the RAM curve shows there (the one with the most RAM among those
 * in the column), so the stack's top is the curve. Neighbouring columns that show the same
 * operation share one rectangle per band. Bands thinner than a pixel are merged with their
 * neighbours above until the merge is a pixel high (or the stack ends); a merge takes the state of
 * its largest band and names no tensor. Thousands of tensors thus draw at most a rectangle per
 * pixel of the plot, a rectangle that would be made again unchanged in the next column is
 * widened instead, and more rectangles than {@value #RASTER_ABOVE} are filled as the pixels they
 * come to ({@link BandRaster}): 140,432 rectangles of a 3,000-node schedule at full width reach
 * the screen as 347 (README, "Large graphs in the app").
 */
public final class BandLayout {

    /**
     * One drawn rectangle: {@code node} is the tensor's node, or -1 for a merge of
     * {@code tensors} thin bands; {@code op} is the operation after which the stack is shown at
     * its left edge (see {@link BandLayout#at} for the one under a point).
     */
    public record Segment(double x, double y, double width, double height, int node, int tensors, long bytes,
            State state, int op) {
        public boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }
    }

    /** Above this many rectangles they are drawn as the pixels they come to ({@link BandRaster}). */
    static final int RASTER_ABOVE = 2000;
    private static final java.awt.Color SEPARATOR = new java.awt.Color(255, 255, 255, 150);

    public static final BandLayout EMPTY = new BandLayout(List.of(), new int[0], 0);

    private final List<Segment> segments;
    /** The operation each pixel column shows (-1: none), from the plot's left edge {@code px}. */
    private final int[] columnOps;
    private final double px;
    /** Above {@value #RASTER_ABOVE} segments: what they come to as pixels, worked out on first need. */
    private volatile List<BandRaster.Fill> raster;

    private BandLayout(List<Segment> segments, int[] columnOps, double px) {
        this.segments = segments;
        this.columnOps = columnOps;
        this.px = px;
    }

    public List<Segment> segments() {
        return segments;
    }

    /**
     * Works out now what {@link #draw} will fill (for many segments, the pixels they come to), so
     * that a layout made off the JavaFX thread is drawn there at the cost of its few rectangles.
     */
    public BandLayout readyToDraw() {
        if (segments.size() > RASTER_ABOVE) {
            raster();
        }
        return this;
    }

    private List<BandRaster.Fill> raster() {
        List<BandRaster.Fill> r = raster;
        if (r == null) {
            r = BandRaster.fills(segments, SEPARATOR);
            raster = r;
        }
        return r;
    }

    /**
     * Lays out the bands over a plot at ({@code px}, {@code bottom - ph}) of {@code pw} by
     * {@code ph} pixels, whose top stands for {@code yMax} bytes.
     */
    public static BandLayout of(MemoryData data, ActivationBands bands, TimeWindow window, double px, double pw,
            double bottom, double ph, double yMax) {
        int[] columnOps = data.columnOps(window, px, pw);
        Columns out = new Columns(bottom, ph, yMax);
        List<Band> all = bands.bands();
        Stack active = new Stack();
        int next = 0;
        int shownOp = -1;
        int c = 0;
        while (c < columnOps.length) {
            int k = columnOps[c];
            int end = c + 1;
            while (end < columnOps.length && columnOps[end] == k) {
                end++;
            }
            if (k < 0) {
                out.gap();
            } else {
                if (k < shownOp) {
                    active.clear();
                    next = 0;
                }
                active.dropEndedBy(k);
                while (next < all.size() && all.get(next).fromOp() <= k) {
                    Band b = all.get(next++);
                    if (b.toOp() > k) {
                        active.add(b);
                    }
                }
                shownOp = k;
                out.column(active, px + c, end - c, k);
            }
            c = end;
        }
        return new BandLayout(out.segments, columnOps, px);
    }

    /**
     * The rectangles of the columns laid out so far, and where those of the last column end in
     * its stack. A column whose stack is the last one's up to some place repeats the rectangles
     * below that place unchanged (same bands, same heights): they are widened over the column
     * rather than made again, and only the stack above is walked. A stack changes mostly near
     * its top (arrivals go there, and frees are mostly of recent outputs), so a column costs
     * about what changed since the one before, not the whole stack.
     */
    private static final class Columns {
        final List<Segment> segments = new ArrayList<>();
        private final double bottom;
        private final double ph;
        private final double yMax;
        /** Of the last column's rectangles, bottom up: index in segments, end in the stack (exclusive), bytes up to its top. */
        private int[] index = new int[64];
        private int[] endsAt = new int[64];
        private long[] topBytes = new long[64];
        private int count;
        private boolean adjacent;

        Columns(double bottom, double ph, double yMax) {
            this.bottom = bottom;
            this.ph = ph;
            this.yMax = yMax;
        }

        /** Columns that show no operation: the next column does not continue the last one. */
        void gap() {
            adjacent = false;
        }

        void column(Stack stack, double x, double w, int op) {
            int kept = 0;
            if (adjacent) {
                int unchanged = stack.unchangedBelow();
                while (kept < count && endsAt[kept] <= unchanged) {
                    Segment s = segments.get(index[kept]);
                    segments.set(index[kept], new Segment(s.x(), s.y(), x + w - s.x(), s.height(), s.node(),
                            s.tensors(), s.bytes(), s.state(), s.op()));
                    kept++;
                }
            }
            count = kept;
            int from = kept == 0 ? 0 : endsAt[kept - 1];
            long below = kept == 0 ? 0 : topBytes[kept - 1];
            long mergedBytes = 0;
            int merged = 0;
            Band largest = null;
            for (int i = from; i < stack.size(); i++) {
                Band b = stack.get(i);
                double h = b.bytes() / yMax * ph;
                if (h >= 1 && merged == 0) {
                    below = add(segment(x, w, below, b.bytes(), bottom, ph, yMax, b.node(), 1, b.state(), op), i + 1,
                            below);
                    continue;
                }
                merged++;
                mergedBytes += b.bytes();
                if (largest == null || b.bytes() > largest.bytes()) {
                    largest = b;
                }
                if (mergedBytes / yMax * ph >= 1) {
                    below = add(segment(x, w, below, mergedBytes, bottom, ph, yMax, merged == 1 ? largest.node() : -1,
                            merged, largest.state(), op), i + 1, below);
                    mergedBytes = 0;
                    merged = 0;
                    largest = null;
                }
            }
            if (merged > 0) {
                // the top of the stack, thinner than a pixel: never kept for the next column, which may add to it
                add(segment(x, w, below, mergedBytes, bottom, ph, yMax, merged == 1 ? largest.node() : -1, merged,
                        largest.state(), op), Integer.MAX_VALUE, below);
            }
            stack.markUnchanged();
            adjacent = true;
        }

        private long add(Segment s, int end, long below) {
            if (count == index.length) {
                index = java.util.Arrays.copyOf(index, count * 2);
                endsAt = java.util.Arrays.copyOf(endsAt, count * 2);
                topBytes = java.util.Arrays.copyOf(topBytes, count * 2);
            }
            index[count] = segments.size();
            endsAt[count] = end;
            topBytes[count] = below + s.bytes();
            count++;
            segments.add(s);
            return below + s.bytes();
        }
    }

    /**
     * The bands in RAM after the operation a column shows, by place in the stack, kept from column
     * to column with the lowest place changed since the last {@link #markUnchanged}.
     */
    private static final class Stack {
        private Band[] bands = new Band[64];
        private int size;
        private int unchangedBelow;

        void clear() {
            size = 0;
            unchangedBelow = 0;
        }

        int size() {
            return size;
        }

        Band get(int i) {
            return bands[i];
        }

        /** How many bands at the bottom are as they were at the last {@link #markUnchanged}. */
        int unchangedBelow() {
            return unchangedBelow;
        }

        void markUnchanged() {
            unchangedBelow = Integer.MAX_VALUE;
        }

        /** Drops the bands that end by operation {@code k}. */
        void dropEndedBy(int k) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (bands[i].toOp() > k) {
                    bands[kept++] = bands[i];
                } else {
                    unchangedBelow = Math.min(unchangedBelow, i);
                }
            }
            java.util.Arrays.fill(bands, kept, size, null);
            size = kept;
        }

        /** Adds {@code b} at its place by stack order (most arrivals go on top). */
        void add(Band b) {
            if (size == bands.length) {
                bands = java.util.Arrays.copyOf(bands, size * 2);
            }
            int i = size;
            while (i > 0 && bands[i - 1].stackOrder() > b.stackOrder()) {
                bands[i] = bands[i - 1];
                i--;
            }
            bands[i] = b;
            size++;
            unchangedBelow = Math.min(unchangedBelow, i);
        }
    }

    private static Segment segment(double x, double w, long below, long bytes, double bottom, double ph, double yMax,
            int node, int tensors, State state, int op) {
        double yLow = bottom - below / yMax * ph;
        double yHigh = bottom - (below + bytes) / yMax * ph;
        return new Segment(x, yHigh, w, yLow - yHigh, node, tensors, bytes, state, op);
    }

    /**
     * The segment under ({@code x}, {@code y}), or null; its {@code op} is the operation shown in
     * the pixel column at {@code x} (a rectangle may span columns that show several).
     */
    public Segment at(double x, double y) {
        for (Segment s : segments) {
            if (s.contains(x, y)) {
                int c = (int) Math.floor(x - px);
                int op = c >= 0 && c < columnOps.length && columnOps[c] >= 0 ? columnOps[c] : s.op();
                return new Segment(s.x(), s.y(), s.width(), s.height(), s.node(), s.tensors(), s.bytes(), s.state(), op);
            }
        }
        return null;
    }

    /**
     * Fills the segments in their states' colours and outlines those of {@code selectedNode}; more
     * than {@value #RASTER_ABOVE} segments are filled as the pixels they come to.
     */
    public void draw(Graphics2D g, int selectedNode) {
        if (segments.size() > RASTER_ABOVE) {
            BandRaster.draw(g, raster());
        } else {
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
