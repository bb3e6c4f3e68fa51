package org.poetexplorer.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A chart painter drawn off screen: into a PNG image (at {@link #PNG_SCALE} times the logical
 * size, for sharp print and high-density screens) or into an SVG document whose text stays
 * text elements. Needs no display: the same painters as on screen, drawn onto other surfaces.
 */
public final class ChartImages {
    /** PNG files hold this many pixels per logical pixel. */
    public static final int PNG_SCALE = 2;

    private ChartImages() {
    }

    /** The chart as an image of {@code scale} x the logical size. */
    public static BufferedImage image(ChartPainter painter, int width, int height, int scale) {
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            painter.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the chart as PNG at {@link #PNG_SCALE} x the logical size. */
    public static void writePng(ChartPainter painter, int width, int height, OutputStream out) throws IOException {
        BufferedImage img = image(painter, width, height, PNG_SCALE);
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** The chart as a standalone SVG document (XML declaration included). */
    public static String svgDocument(ChartPainter painter, int width, int height, String idPrefix) {
        return draw(painter, width, height, idPrefix).getSVGDocument();
    }

    /**
     * The chart as an {@code <svg>} element to place inside an HTML page. {@code idPrefix} keeps
     * the ids of clip paths apart when several charts share a page.
     */
    public static String svgElement(ChartPainter painter, int width, int height, String idPrefix) {
        return draw(painter, width, height, idPrefix).getSVGElement(idPrefix + "chart");
    }

    public static void writeSvg(ChartPainter painter, int width, int height, OutputStream out) throws IOException {
        out.write(svgDocument(painter, width, height, "c").getBytes(StandardCharsets.UTF_8));
    }

    private static SVGGraphics2D draw(ChartPainter painter, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // text as <text> elements (searchable, editable), not as glyph outlines
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setDefsKeyPrefix(idPrefix);
        painter.paint(g, width, height);
        g.dispose();
        return g;
    }
}
