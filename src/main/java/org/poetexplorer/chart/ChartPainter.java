package org.poetexplorer.chart;

import java.awt.Graphics2D;

/**
 * Draws one chart onto any Java2D surface: a JavaFX canvas on screen (through FXGraphics2D),
 * an SVG document or a PNG image. One drawing code path per chart.
 */
public interface ChartPainter {
    void paint(Graphics2D g, double width, double height);
}
