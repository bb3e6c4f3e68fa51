package org.poetexplorer.io;

import java.io.IOException;
import java.nio.file.Path;
import org.poetexplorer.chart.ChartImages;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.ChartPainter;
import org.poetexplorer.chart.ChartSet;

/**
 * Chart files: PNG at twice the logical size and SVG with text as text, each written
 * atomically (a failed write leaves the previous file as it was).
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static void writePng(Path file, ChartPainter painter, int width, int height) throws IOException {
        AtomicFiles.write(file, out -> ChartImages.writePng(painter, width, height, out));
    }

    public static void writeSvg(Path file, ChartPainter painter, int width, int height) throws IOException {
        AtomicFiles.write(file, out -> ChartImages.writeSvg(painter, width, height, out));
    }

    /** One chart of a set at its export size, as PNG. */
    public static void writePng(Path file, ChartSet charts, ChartKind kind) throws IOException {
        AtomicFiles.write(file, png(charts, kind));
    }

    public static void writeSvg(Path file, ChartSet charts, ChartKind kind) throws IOException {
        AtomicFiles.write(file, svg(charts, kind));
    }

    /** One chart of a set at its export size as PNG, for a set of files written together. */
    public static AtomicFiles.Writer png(ChartSet charts, ChartKind kind) {
        return out -> ChartImages.writePng(charts.painter(kind), kind.width(), kind.height(), out);
    }

    /** One chart of a set at its export size as SVG, for a set of files written together. */
    public static AtomicFiles.Writer svg(ChartSet charts, ChartKind kind) {
        return out -> ChartImages.writeSvg(charts.painter(kind), kind.width(), kind.height(), out);
    }

    /** The file a chart gets in an export folder: timeline.png, memory.svg, ... */
    public static Path fileIn(Path folder, ChartKind kind, String extension) {
        return folder.resolve(kind.fileName() + "." + extension);
    }
}
