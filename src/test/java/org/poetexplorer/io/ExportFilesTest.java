package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.chart.ChartImages;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.ChartPainter;
import org.poetexplorer.chart.ChartSet;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Charts and the report written from a real solve of linear on the m0 (RAM tight enough to page and recompute). */
class ExportFilesTest {
    private static Device m0;
    private static SolveResult solved;
    private static ChartSet charts;

    @TempDir
    Path dir;

    @BeforeAll
    static void solve() throws Exception {
        m0 = DeviceFiles.builtIn("m0");
        TrainingGraph g = Catalog.build("linear", m0);
        solved = PoetSolver.solve(g, new Budget(3500, 1.2, true, true), new SolveOptions("scip", 30, 1),
                SolveListener.NONE, new CancelToken());
        assertTrue(solved.hasSchedule(), solved::toString);
        charts = ChartSet.forSolve(solved);
    }

    @Test
    void pngFilesDecodeAtTwiceTheirExportSize() throws Exception {
        for (ChartKind k : ChartKind.values()) {
            Path f = ChartFiles.fileIn(dir, k, "png");
            ChartFiles.writePng(f, charts, k);
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(2 * k.width(), img.getWidth(), k + " width");
            assertEquals(2 * k.height(), img.getHeight(), k + " height");
            assertTrue(notBlank(img), k + " has something drawn on it");
        }
    }

    private static boolean notBlank(BufferedImage img) {
        int first = img.getRGB(0, 0);
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                if (img.getRGB(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void svgFilesAreXmlWithLanesLegendAndAxisLabelsAsText() throws Exception {
        List<String> timeline = svgTexts(ChartKind.TIMELINE);
        for (String s : List.of("compute", "recompute", "page-out", "page-in", "stage boundary", "0 s")) {
            assertTrue(timeline.contains(s), "timeline text \"" + s + "\" in " + timeline);
        }
        assertTrue(timeline.stream().anyMatch(t -> t.endsWith("operations")), timeline::toString);
        List<String> memory = svgTexts(ChartKind.MEMORY);
        for (String s : List.of("RAM in use (activations)", "resident", "paged out", "paged in", "recomputed",
                "RAM budget", "Parameters", "0 s")) {
            assertTrue(memory.contains(s), "memory text \"" + s + "\" in " + memory);
        }
        assertTrue(memory.stream().anyMatch(t -> t.startsWith("peak ")), memory::toString);
        List<String> energy = svgTexts(ChartKind.ENERGY);
        for (String s : List.of("Energy per training step", "compute", "page-in", "this schedule", "plain (no budget)")) {
            assertTrue(energy.contains(s), "energy text \"" + s + "\" in " + energy);
        }
        List<String> tradeoff = svgTexts(ChartKind.TRADEOFF);
        for (String s : List.of("Energy vs RAM budget", "Peak RAM vs RAM budget", "RAM budget")) {
            assertTrue(tradeoff.contains(s), "trade-off text \"" + s + "\" in " + tradeoff);
        }
    }

    /** Writes one chart as SVG, parses it as XML and returns the contents of its text elements. */
    private List<String> svgTexts(ChartKind k) throws Exception {
        Path f = ChartFiles.fileIn(dir, k, "svg");
        ChartFiles.writeSvg(f, charts, k);
        Document doc = xmlParser().parse(f.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        NodeList texts = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            out.add(texts.item(i).getTextContent());
        }
        return out;
    }

    static DocumentBuilder xmlParser() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }

    @Test
    void theReportHoldsTheInputsTheFiguresAndTheCharts() throws Exception {
        Path f = dir.resolve("report.html");
        HtmlReport.write(f, solved, "linear", "m0", m0, charts);
        String html = Files.readString(f);
        ScheduleSummary sum = ScheduleSummary.of(solved.schedule());
        ScheduleSummary.Plain plain = ScheduleSummary.plain(solved.graph());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1>linear on m0</h1>"), "network and device named");
        assertTrue(html.contains("3,500 B"), "RAM budget");
        assertTrue(html.contains("1.2 &times; plain step"), "runtime budget");
        assertTrue(html.contains("paging on, rematerialization on"));
        assertTrue(html.contains(solved.status().name()), "status");
        if (solved.status() == SolveStatus.OPTIMAL) {
            assertTrue(html.contains("proven optimal"));
        } else {
            assertTrue(html.contains("not proven optimal"));
        }
        for (double j : new double[] {sum.energyJ(), sum.computeJ(), sum.recomputeJ(), sum.pageInJ(), sum.pageOutJ(),
            plain.energyJ()}) {
            assertTrue(html.contains(Quantities.exactJoules(j)), "energy figure " + Quantities.exactJoules(j));
        }
        assertTrue(html.contains(Quantities.exactBytes(sum.peakRamBytes()) + " after operation " + sum.peakOpIndex()
                + " in stage " + sum.peakStage()), "peak RAM and where");
        assertTrue(html.contains(Quantities.exactSeconds(sum.runtimeS()))
                && html.contains(Quantities.exactSeconds(sum.totalTimeS())),
                "compute and total time");
        String largest = solved.graph().node(sum.inRamAtPeak().get(0)).name();
        assertTrue(html.contains(largest + " (node " + sum.inRamAtPeak().get(0) + ")"), "what is in RAM at the peak");
        assertTrue(html.contains("<td class=\"num\">" + sum.counts().recompute() + "</td>"), "counts");
        assertEquals(4, html.split("<svg ", -1).length - 1, "four inline charts");
        assertFalse(html.contains("<script") || html.contains("href=\"http") || html.contains("src=\""),
                "self-contained");
    }

    @Test
    void anExportIntoAnUnusableFolderSaysSoAndChangesNothing() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a regular file");
        IOException e = assertThrows(IOException.class,
                () -> ChartFiles.writePng(blocker.resolve("timeline.png"), charts, ChartKind.TIMELINE));
        assertTrue(e.getMessage().contains(blocker.toString()) && e.getMessage().contains("is not a folder"),
                e.getMessage());
        assertEquals("a regular file", Files.readString(blocker));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheExistingFileAsItWas() throws Exception {
        Path f = dir.resolve("timeline.svg");
        ChartFiles.writeSvg(f, charts, ChartKind.TIMELINE);
        byte[] before = Files.readAllBytes(f);
        ChartPainter failing = (g, w, h) -> {
            charts.timeline().paint(g, w, h);
            throw new UncheckedIOException(new IOException("No space left on device"));
        };
        assertThrows(UncheckedIOException.class, () -> ChartFiles.writePng(f, failing, 600, 200));
        assertArrayEquals(before, Files.readAllBytes(f), "the previous file is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void textWithMarkupCharactersStaysText() throws Exception {
        ChartPainter p = (g, w, h) -> g.drawString("conv<1> & \"relu\"", 10f, 20f);
        Path f = dir.resolve("odd.svg");
        AtomicFiles.write(f, out -> ChartImages.writeSvg(p, 200, 50, out));
        Document doc = xmlParser().parse(f.toFile());
        assertEquals("conv<1> & \"relu\"", doc.getElementsByTagName("text").item(0).getTextContent());
    }

    @Test
    void pngAndSvgComeFromTheSamePainter() throws Exception {
        // one drawing path: what the SVG says in text is what the PNG was drawn from
        ChartPainter p = charts.timeline();
        BufferedImage img = ChartImages.image(p, 400, 150, 1);
        assertEquals(400, img.getWidth());
        String svg = ChartImages.svgDocument(p, 400, 150, "t");
        assertTrue(svg.contains(">compute</text>"), svg.substring(0, Math.min(400, svg.length())));
    }
}
