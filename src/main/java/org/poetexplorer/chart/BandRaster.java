package org.poetexplorer.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poetexplorer.chart.ActivationBands.State;
import org.poetexplorer.chart.BandLayout.Segment;

/**
 * Fills many band rectangles as the pixels they come to: each pixel of the plot takes the colour
 * of the rectangle over its centre (a band's top row, when the band is 4 pixels or taller, the
 * paler separator colour, as {@link BandLayout} draws it), and the picture is then filled as
 * rectangles of one colour: runs along each pixel row, a run joined to the one under it when
 * both start, end and are coloured alike. What reaches the screen is at most one rectangle per
 * change of colour, however many tensors a column stacks: tens of thousands of rectangles of a
 * graph of thousands of nodes become a few hundred where the chart is one colour over long
 * stretches, which is what each frame of a pan or zoom has to draw.
 */
final class BandRaster {
    private static final State[] STATES = State.values();

    private BandRaster() {
    }

    /** One rectangle of one colour to fill. */
    record Fill(Rectangle2D.Double rectangle, Color colour) {
    }

    static void draw(Graphics2D g, List<Fill> fills) {
        for (Fill f : fills) {
            g.setColor(f.colour());
            g.fill(f.rectangle());
        }
    }

    /**
     * The rectangles that fill {@code segments} in their states' colours with a separator of
     * colour {@code separator} (drawn over the state's colour) along the top of each segment 4
     * pixels or taller; worked out without drawing (any thread).
     */
    static List<Fill> fills(List<Segment> segments, Color separator) {
        List<Fill> out = new ArrayList<>();
        if (segments.isEmpty()) {
            return out;
        }
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Segment s : segments) {
            minX = Math.min(minX, s.x());
            maxX = Math.max(maxX, s.x() + s.width());
            minY = Math.min(minY, s.y());
            maxY = Math.max(maxY, s.y() + s.height());
        }
        int x0 = (int) Math.floor(minX);
        int y0 = (int) Math.floor(minY);
        int w = (int) Math.ceil(maxX) - x0;
        int h = (int) Math.ceil(maxY) - y0;
        // 0: nothing; 1 + state: the state's colour; 1 + states + state: its separator
        byte[] code = new byte[w * h];
        for (Segment s : segments) {
            int c0 = Math.max(0, (int) Math.ceil(s.x() - 0.5) - x0);
            int c1 = Math.min(w, (int) Math.ceil(s.x() + s.width() - 0.5) - x0);
            int r0 = Math.max(0, (int) Math.ceil(s.y() - 0.5) - y0);
            int r1 = Math.min(h, (int) Math.ceil(s.y() + s.height() - 0.5) - y0);
            byte fill = (byte) (1 + s.state().ordinal());
            byte top = s.height() >= 4 ? (byte) (1 + STATES.length + s.state().ordinal()) : fill;
            for (int r = r0; r < r1; r++) {
                byte v = r == r0 ? top : fill;
                java.util.Arrays.fill(code, r * w + c0, r * w + Math.max(c0, c1), v);
            }
        }
        Color[] colours = new Color[1 + 2 * STATES.length];
        for (State st : STATES) {
            colours[1 + st.ordinal()] = st.colour();
            colours[1 + STATES.length + st.ordinal()] = over(st.colour(), separator);
        }
        // open rectangles by (first column, end column, colour), with the row they start on
        Map<Long, Integer> open = new HashMap<>();
        Map<Long, Integer> continued = new HashMap<>();
        for (int r = 0; r <= h; r++) {
            continued.clear();
            int c = 0;
            while (r < h && c < w) {
                byte v = code[r * w + c];
                int end = c + 1;
                while (end < w && code[r * w + end] == v) {
                    end++;
                }
                if (v != 0) {
                    long key = ((long) c << 40) | ((long) end << 16) | v;
                    Integer from = open.remove(key);
                    continued.put(key, from == null ? r : from);
                }
                c = end;
            }
            for (Map.Entry<Long, Integer> e : open.entrySet()) {
                long key = e.getKey();
                int from = e.getValue();
                int first = (int) (key >>> 40);
                int end = (int) ((key >>> 16) & 0xFFFFFF);
                out.add(new Fill(new Rectangle2D.Double(x0 + first, y0 + from, end - first, r - from),
                        colours[(int) (key & 0xFF)]));
            }
            Map<Long, Integer> t = open;
            open = continued;
            continued = t;
        }
        return out;
    }

    /** {@code top} (translucent) drawn over {@code base}, as one opaque colour. */
    private static Color over(Color base, Color top) {
        double a = top.getAlpha() / 255.0;
        return new Color((int) Math.round(base.getRed() * (1 - a) + top.getRed() * a),
                (int) Math.round(base.getGreen() * (1 - a) + top.getGreen() * a),
                (int) Math.round(base.getBlue() * (1 - a) + top.getBlue() * a));
    }
}
