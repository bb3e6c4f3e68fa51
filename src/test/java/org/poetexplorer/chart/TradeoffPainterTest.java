package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

class TradeoffPainterTest {
    private static final double TOP = 30;
    private static final double BOTTOM = 200;
    private static final double ASCENT = 10;

    @Test
    void theLabelOfThePointOnScreenGoesBelowItWhenAboveWouldCoverThePlainLabel() {
        // the point sits on the plain line (y 100) near the left, where "plain ..." is written above the line
        Rectangle2D plain = new Rectangle2D.Double(54, 100 - 3 - ASCENT, 90, ASCENT);
        Rectangle2D label = new Rectangle2D.Double(70, 0, 60, 0);
        double baseline = TradeoffPainter.currentLabelBaseline(100, TOP, BOTTOM, ASCENT, label, plain);
        assertEquals(100 + 9 + ASCENT, baseline);
        Rectangle2D drawn = new Rectangle2D.Double(70, baseline - ASCENT, 60, ASCENT);
        assertEquals(false, drawn.intersects(plain));
    }

    @Test
    void otherwiseItStaysAboveThePoint() {
        Rectangle2D plain = new Rectangle2D.Double(54, 100 - 3 - ASCENT, 90, ASCENT);
        Rectangle2D farRight = new Rectangle2D.Double(400, 0, 60, 0);
        assertEquals(100 - 9, TradeoffPainter.currentLabelBaseline(100, TOP, BOTTOM, ASCENT, farRight, plain));
        assertEquals(60 - 9, TradeoffPainter.currentLabelBaseline(60, TOP, BOTTOM, ASCENT,
                new Rectangle2D.Double(70, 0, 60, 0), null));
    }
}
