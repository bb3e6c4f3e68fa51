package org.poetexplorer.app;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: the saved size, but never larger than the screen it opens on, and the
 * saved position only while enough of the window's top (its title bar and menu bar) would lie
 * on one of the screens there are now; otherwise centred on the primary screen.
 *
 * @param x left edge, on the screen
 * @param y top edge, on the screen
 */
record WindowPlacement(double x, double y, double width, double height) {
    /** How much of the window's top strip must be on a screen for a saved position to be kept. */
    private static final double VISIBLE_TOP_WIDTH = 160;
    private static final double VISIBLE_TOP_HEIGHT = 40;

    /**
     * @param savedX saved left edge (NaN: none)
     * @param savedY saved top edge (NaN: none)
     * @param screens the usable area (visual bounds) of every screen, the primary one first
     */
    static WindowPlacement of(double savedX, double savedY, double savedWidth, double savedHeight,
            List<Rectangle2D> screens) {
        Rectangle2D primary = screens.get(0);
        if (!Double.isNaN(savedX) && !Double.isNaN(savedY)) {
            for (Rectangle2D screen : screens) {
                Rectangle2D top = new Rectangle2D(savedX, savedY, Math.min(savedWidth, VISIBLE_TOP_WIDTH),
                        VISIBLE_TOP_HEIGHT);
                if (contains(screen, top)) {
                    double w = Math.min(savedWidth, screen.getWidth());
                    double h = Math.min(savedHeight, screen.getHeight());
                    // kept where it was, moved in just enough for the whole window to fit
                    double x = Math.max(screen.getMinX(), Math.min(savedX, screen.getMaxX() - w));
                    double y = Math.max(screen.getMinY(), Math.min(savedY, screen.getMaxY() - h));
                    return new WindowPlacement(x, y, w, h);
                }
            }
        }
        double w = Math.min(savedWidth, primary.getWidth());
        double h = Math.min(savedHeight, primary.getHeight());
        return new WindowPlacement(primary.getMinX() + (primary.getWidth() - w) / 2,
                primary.getMinY() + (primary.getHeight() - h) / 2, w, h);
    }

    private static boolean contains(Rectangle2D screen, Rectangle2D r) {
        return r.getMinX() >= screen.getMinX() && r.getMaxX() <= screen.getMaxX()
                && r.getMinY() >= screen.getMinY() && r.getMaxY() <= screen.getMaxY();
    }
}
