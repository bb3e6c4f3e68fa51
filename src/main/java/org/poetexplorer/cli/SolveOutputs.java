package org.poetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.ChartSet;
import org.poetexplorer.io.AtomicFiles;
import org.poetexplorer.io.ChartFiles;
import org.poetexplorer.io.HtmlReport;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.ScheduleCsv;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.io.TraceFiles;
import org.poetexplorer.model.Device;
import org.poetexplorer.solver.SolveResult;
import picocli.CommandLine.Option;

/**
 * The files {@code poet solve} writes besides its output, as its options: schedule JSON and CSV,
 * a trace for trace viewers, one PNG and one SVG per chart, and the HTML report. Every path is checked as the options are
 * read, before the solve starts, so a typo costs no solver time; each file is written
 * atomically. A path is null when its file is not asked for.
 */
final class SolveOutputs {
    @Option(names = "--schedule-out", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "write the schedule as JSON (poet-schedule/1)")
    private Path scheduleOut;

    @Option(names = "--csv-out", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "write the operations as CSV, one row each")
    private Path csvOut;

    @Option(names = "--trace-out", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "write the schedule as Chrome Trace Event JSON, for Perfetto, chrome://tracing or speedscope")
    private Path traceOut;

    @Option(names = "--png-out", paramLabel = "DIR", converter = Converters.FolderToWrite.class,
            description = "write each chart (timeline, memory, energy, tradeoff) as PNG at 2x into DIR")
    private Path pngDir;

    @Option(names = "--svg-out", paramLabel = "DIR", converter = Converters.FolderToWrite.class,
            description = "write each chart as SVG into DIR")
    private Path svgDir;

    @Option(names = "--report-out", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "write a one-page HTML report (figures and charts, self-contained)")
    private Path reportOut;

    boolean any() {
        return scheduleOut != null || csvOut != null || traceOut != null || pngDir != null || svgDir != null || reportOut != null;
    }

    /**
     * Writes every file asked for. Without a schedule the schedule files are skipped (said on
     * {@code err}); the report and charts say why there is none. The first failure stops the
     * writing with an InputException naming the option and the file; files already written
     * are complete, and the failed one is left as it was.
     */
    void write(SolveResult r, String networkLabel, String deviceLabel, Device device, PrintWriter err)
            throws InputException {
        if (!any()) {
            return;
        }
        if (r.hasSchedule()) {
            attempt("--schedule-out", scheduleOut, () -> ScheduleFiles.write(scheduleOut, r));
            attempt("--csv-out", csvOut, () -> ScheduleCsv.write(csvOut, r.schedule()));
            attempt("--trace-out", traceOut, () -> TraceFiles.write(traceOut, r.schedule(), r.solver(), r.status()));
        } else {
            for (String option : skipped()) {
                err.println("poet solve: " + option + " not written: the solve ended " + r.status()
                        + " without a schedule");
            }
        }
        ChartSet charts = ChartSet.forSolve(r);
        ChartSet files = charts.titled(ChartSet.context(r, networkLabel, deviceLabel));
        if (pngDir != null) {
            makeFolder("--png-out", pngDir);
            for (ChartKind k : ChartKind.values()) {
                Path f = ChartFiles.fileIn(pngDir, k, "png");
                attempt("--png-out", f, () -> ChartFiles.writePng(f, files, k));
            }
        }
        if (svgDir != null) {
            makeFolder("--svg-out", svgDir);
            for (ChartKind k : ChartKind.values()) {
                Path f = ChartFiles.fileIn(svgDir, k, "svg");
                attempt("--svg-out", f, () -> ChartFiles.writeSvg(f, files, k));
            }
        }
        if (reportOut != null) {
            String html = HtmlReport.html(r, networkLabel, deviceLabel, device, charts);
            attempt("--report-out", reportOut, () -> AtomicFiles.writeString(reportOut, html));
        }
    }

    private List<String> skipped() {
        List<String> out = new ArrayList<>();
        if (scheduleOut != null) {
            out.add("--schedule-out");
        }
        if (csvOut != null) {
            out.add("--csv-out");
        }
        if (traceOut != null) {
            out.add("--trace-out");
        }
        return out;
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void attempt(String option, Path file, Write w) throws InputException {
        if (file == null) {
            return;
        }
        try {
            w.run();
        } catch (IOException e) {
            throw new InputException(option, "", e.getMessage(), e);
        }
    }

    private static void makeFolder(String option, Path dir) throws InputException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(option, "", "cannot make folder " + dir + " (" + e + ")", e);
        }
    }
}
