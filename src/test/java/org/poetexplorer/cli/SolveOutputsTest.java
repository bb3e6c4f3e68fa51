package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.cli.PoetRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.chart.ChartKind;

/** {@code poet solve} writing its files: a real solve of linear on the m0. */
class SolveOutputsTest {
    @TempDir
    Path dir;

    private static String[] solve(String... outputs) {
        List<String> args = new java.util.ArrayList<>(List.of("solve", "--network", "linear", "--device", "m0",
                "--ram", "3500", "--runtime", "1.2", "--threads", "1"));
        args.addAll(List.of(outputs));
        return run(args.toArray(new String[0]));
    }

    @Test
    void writesTheScheduleCsvOneFilePerChartAndTheReport() throws Exception {
        Path json = dir.resolve("s.json");
        Path csv = dir.resolve("s.csv");
        Path png = dir.resolve("png");
        Path svg = dir.resolve("svg");
        Path report = dir.resolve("report.html");
        Path trace = dir.resolve("trace.json");
        String[] r = solve("--schedule-out", json.toString(), "--csv-out", csv.toString(), "--png-out", png.toString(),
                "--svg-out", svg.toString(), "--report-out", report.toString(), "--trace-out", trace.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode schedule = new ObjectMapper().readTree(json.toFile());
        assertEquals("poet-schedule/1", schedule.get("format").asText());
        int ops = schedule.get("ops").size();
        List<String> rows = Files.readAllLines(csv);
        assertEquals("stage,kind,node,name,startS,endS,energyJ,ramBytesAfter", rows.get(0));
        assertEquals(ops, rows.size() - 1, "one CSV row per operation");
        JsonNode events = new ObjectMapper().readTree(trace.toFile()).get("traceEvents");
        long slices = 0;
        for (JsonNode e : events) {
            slices += e.get("ph").asText().equals("X") ? 1 : 0;
        }
        assertEquals(ops - schedule.get("counts").get("free").asInt(), slices, "the trace has a slice per operation");
        for (ChartKind k : ChartKind.values()) {
            BufferedImage img = ImageIO.read(png.resolve(k.fileName() + ".png").toFile());
            assertEquals(2 * k.width(), img.getWidth(), k.fileName());
            assertTrue(Files.readString(svg.resolve(k.fileName() + ".svg")).contains("</text>"), k.fileName());
        }
        String html = Files.readString(report);
        assertTrue(html.contains(schedule.get("status").asText()));
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%.6g J", schedule.get("energyJ").asDouble())),
                "the report's energy is the schedule file's");
    }

    @Test
    void anUnusableOutputPathStopsBeforeSolvingAndTouchesNothing() throws Exception {
        Path existing = dir.resolve("s.json");
        Files.writeString(existing, "previous schedule");
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "x");
        String[] r = solve("--schedule-out", existing.toString(), "--png-out", dir.resolve("png").toString(),
                "--report-out", blocker.resolve("report.html").toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("poet solve: --report-out: cannot write " + blocker.resolve("report.html")), r[2]);
        assertTrue(r[2].contains("is not a folder"), r[2]);
        assertEquals("", r[1], "no solve was run");
        assertEquals("previous schedule", Files.readString(existing), "the existing file is unchanged");
        assertFalse(Files.exists(dir.resolve("png")), "no chart folder made");
    }

    @Test
    void withoutAScheduleTheScheduleFilesAreNamedAsNotWrittenAndTheReportIs() throws Exception {
        String[] r = run("solve", "--network", "linear", "--device", "m0", "--ram", "100", "--runtime", "1.2",
                "--schedule-out", dir.resolve("s.json").toString(), "--csv-out", dir.resolve("c.csv").toString(),
                "--trace-out", dir.resolve("t.json").toString(), "--report-out", dir.resolve("r.html").toString());
        assertEquals("0", r[0], r[2]);
        for (String option : List.of("--schedule-out", "--csv-out", "--trace-out")) {
            assertTrue(r[2].contains("poet solve: " + option + " not written: the solve ended INFEASIBLE"), r[2]);
        }
        assertFalse(r[2].contains("--report-out"), r[2]);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("r.html"), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aChartFolderThatIsAFileIsRefused() throws Exception {
        Path file = dir.resolve("charts");
        Files.writeString(file, "x");
        String[] r = solve("--svg-out", file.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--svg-out") && r[2].contains("is a file"), r[2]);
    }

    @Test
    void oneFileForTwoOutputsIsRefusedBeforeSolving() throws Exception {
        Path same = dir.resolve("out");
        Path link = Files.createSymbolicLink(dir.resolve("link"), same.getFileName());
        String[] r = solve("--schedule-out", same.toString(), "--csv-out", link.toString());
        assertEquals("2", r[0]);
        assertEquals("poet solve: --csv-out: cannot write " + link + ": it is the same file as " + same,
                r[2].strip());
        assertEquals("", r[1], "no solve was run");
        assertFalse(Files.exists(same));
    }

    @Test
    void aDeviceOrTheTerminalAsOutputIsRefusedAndLeftAsItIs() throws Exception {
        Path device = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
        String[] r = solve("--schedule-out", device.toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("poet solve: --schedule-out: cannot write " + device + ": it is not a regular file"),
                r[2]);
        assertTrue(Files.isSymbolicLink(device), "the link is left as it was");
    }

    @Test
    void aFileThatCannotBeWrittenKeepsEveryOtherOutputAsItWas() throws Exception {
        Path json = Files.writeString(dir.resolve("s.json"), "previous schedule");
        // the report's temporary file (its name with a suffix) is longer than a file name may be: writing it fails
        Path report = Files.writeString(dir.resolve("r".repeat(245) + ".html"), "previous report");
        String[] r = solve("--schedule-out", json.toString(), "--report-out", report.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("poet solve: --report-out: cannot write " + report + ": cannot create a file"), r[2]);
        assertEquals("previous schedule", Files.readString(json), "the schedule is not replaced without the report");
        assertEquals("previous report", Files.readString(report));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }
}
