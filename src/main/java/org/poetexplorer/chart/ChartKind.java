package org.poetexplorer.chart;

/**
 * The charts a schedule is shown with, each with the file name it is exported under and the
 * size (in logical pixels) it is exported at. PNG files are drawn at {@link ChartImages#PNG_SCALE}
 * times that size, SVG files keep it.
 */
public enum ChartKind {
    TIMELINE("timeline", "Timeline", 1200, 340),
    MEMORY("memory", "RAM in use", 1200, 280),
    ENERGY("energy", "Energy", 1000, 380),
    TRADEOFF("tradeoff", "Trade-off", 1200, 380);

    private final String fileName;
    private final String title;
    private final int width;
    private final int height;

    ChartKind(String fileName, String title, int width, int height) {
        this.fileName = fileName;
        this.title = title;
        this.width = width;
        this.height = height;
    }

    /** Base name of the exported file: timeline, memory, energy, tradeoff. */
    public String fileName() {
        return fileName;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
