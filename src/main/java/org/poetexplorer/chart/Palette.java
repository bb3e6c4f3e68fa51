package org.poetexplorer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.poetexplorer.schedule.OpKind;

/**
 * Colours, fonts and strokes shared by every chart, on screen and in exported files. Each colour
 * means one thing wherever it appears, and the charts' legends say what:
 * <ul>
 * <li>the four kinds of operation ({@link #of}), in the timeline, the trace and the energy bars;</li>
 * <li>red: a budget, the RAM budget, the runtime budget and the "peak = budget" limit;</li>
 * <li>near-black: what is selected, the selected node's operations and the solve on screen
 *   among the trade-off points; grey: what is under the pointer;</li>
 * <li>dark blue: the peak of the RAM in use, on the RAM curve's blue;</li>
 * <li>teal: a pinned baseline schedule's RAM curve, over the current one's;</li>
 * <li>magenta: the operations of the nodes a search matches;</li>
 * <li>grey crosses: budgets without a schedule.</li>
 * </ul>
 */
public final class Palette {
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color PLOT_BACKGROUND = new Color(0xFAFBFC);
    public static final Color GRID = new Color(0xE3E6EA);
    public static final Color AXIS = new Color(0x5F6670);
    public static final Color TEXT = new Color(0x1F2328);
    public static final Color MUTED_TEXT = new Color(0x6B7280);
    public static final Color STAGE_LINE = new Color(0xC9CED6);
    public static final Color SELECTION = new Color(0x111827);
    public static final Color HOVER = new Color(0x9CA3AF);
    public static final Color BUDGET = new Color(0xDC2626);
    public static final Color RAM_FILL = new Color(0x93C5FD);
    public static final Color RAM_LINE = new Color(0x2563EB);
    public static final Color PEAK = new Color(0x1E3A8A);
    /** A pinned baseline schedule, drawn against the current one. */
    public static final Color BASELINE = new Color(0x0891B2);
    public static final Color PARAM_FILL = new Color(0xC4B5FD);
    public static final Color POINT = new Color(0x64748B);
    public static final Color CURRENT_POINT = SELECTION;
    /** The operations of the nodes a search matches. */
    public static final Color MATCH = new Color(0xDB2777);
    public static final Color NO_SCHEDULE = new Color(0x4B5563);

    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    public static final Stroke THIN = new BasicStroke(1f);
    public static final Stroke THICK = new BasicStroke(2f);
    public static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private Palette() {
    }

    public static Color of(OpKind kind) {
        switch (kind) {
            case COMPUTE:
                return new Color(0x3B82F6);
            case RECOMPUTE:
                return new Color(0xF59E0B);
            case PAGE_OUT:
                return new Color(0x8B5CF6);
            case PAGE_IN:
                return new Color(0x10B981);
            default:
                return new Color(0x9CA3AF);
        }
    }

    /** The pale form of a transfer's colour, for the part of it that runs past its stage. */
    public static Color overrun(OpKind kind) {
        Color c = of(kind);
        double keep = 0.3;
        return new Color((int) Math.round(c.getRed() * keep + 255 * (1 - keep)),
                (int) Math.round(c.getGreen() * keep + 255 * (1 - keep)),
                (int) Math.round(c.getBlue() * keep + 255 * (1 - keep)));
    }

    public static String label(OpKind kind) {
        switch (kind) {
            case COMPUTE:
                return "compute";
            case RECOMPUTE:
                return "recompute";
            case PAGE_OUT:
                return "page-out";
            case PAGE_IN:
                return "page-in";
            default:
                return "free";
        }
    }
}
