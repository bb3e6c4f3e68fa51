package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1280, 0, 1920, 1080);

    @Test
    void theFirstWindowIsNoLargerThanASmallScreenAndCentredOnIt() {
        WindowPlacement p = WindowPlacement.of(Double.NaN, Double.NaN, 1400, 880, List.of(LAPTOP));
        assertEquals(new WindowPlacement(0, 0, 1280, 720), p);
        WindowPlacement big = WindowPlacement.of(Double.NaN, Double.NaN, 1400, 880, List.of(RIGHT_MONITOR));
        assertEquals(new WindowPlacement(1280 + 260, 100, 1400, 880), big);
    }

    @Test
    void aSavedPositionOffEveryScreenIsDropped() {
        // saved on a monitor that is no longer connected
        WindowPlacement p = WindowPlacement.of(1500, 100, 1400, 880, List.of(LAPTOP));
        assertEquals(new WindowPlacement(0, 0, 1280, 720), p);
        WindowPlacement above = WindowPlacement.of(100, -500, 800, 600, List.of(LAPTOP));
        assertEquals(new WindowPlacement(240, 60, 800, 600), above);
    }

    @Test
    void aSavedPositionOnAScreenIsKeptAndTheWindowMovedInToFit() {
        WindowPlacement onMonitor = WindowPlacement.of(1400, 50, 1400, 880, List.of(LAPTOP, RIGHT_MONITOR));
        assertEquals(new WindowPlacement(1400, 50, 1400, 880), onMonitor);
        // its top on the laptop, its bottom below it: moved up, shrunk to the screen's height
        WindowPlacement low = WindowPlacement.of(100, 300, 1000, 880, List.of(LAPTOP));
        assertEquals(new WindowPlacement(100, 0, 1000, 720), low);
    }
}
