package org.poetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
import org.poetexplorer.model.Device;
import org.poetexplorer.solver.SolveResult;

/**
 * The files {@code poet solve} writes besides its output: schedule JSON and CSV, one PNG and one
 * SVG per chart, and the HTML report. Every path is checked before the solve starts, so a
 * typo costs no solver time; each file is written atomically.
 */
final class SolveOutputs {
    private final Path scheduleOut;
    private final Path csvOut;
    private final Path pngDir;
    private final Path svgDir;
    private final Path reportOut;

    private SolveOutputs(Path scheduleOut, Path csvOut, Path pngDir, Path svgDir, Path reportOut) {
        this.scheduleOut = scheduleOut;
        this.csvOut = csvOut;
        this.pngDir = pngDir;
        this.svgDir = svgDir;
        this.reportOut = reportOut;
    }

    /** Checks the options' paths (any may be null: not asked for); InputException names the option. */
    static SolveOutputs of(String scheduleOut, String csvOut, String pngDir, String svgDir, String reportOut)
            throws InputException {
        return new SolveOutputs(file("--schedule-out", scheduleOut), file("--csv-out", csvOut),
                folder("--png-out", pngDir), folder("--svg-out", svgDir), file("--report-out", reportOut));
    }

    boolean any() {
        return scheduleOut != null || csvOut != null || pngDir != null || svgDir != null || reportOut != null;
    }

    /** A file to be written: its folder must exist, and it must not be a folder itself. */
    private static Path file(String option, String value) throws InputException {
        if (value == null) {
            return null;
        }
        Path p = path(option, value);
        Path parent = p.toAbsolutePath().getParent();
        if (Files.isDirectory(p)) {
            throw new InputException(option, "", value + " is a folder (expected a file name)");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(option, "", "cannot write " + value + ": " + (parent == null ? "no folder"
                    : parent + (Files.exists(parent) ? " is not a folder" : " does not exist")));
        }
        return p;
    }

    /** A folder for chart files: made if missing, as long as its parent is a folder. */
    private static Path folder(String option, String value) throws InputException {
        if (value == null) {
            return null;
        }
        Path p = path(option, value);
        if (Files.isDirectory(p)) {
            return p;
        }
        if (Files.exists(p)) {
            throw new InputException(option, "", value + " is a file (expected a folder for the charts)");
        }
        Path parent = p.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InputException(option, "", "cannot make folder " + value + ": " + (parent == null ? "no parent"
                    : parent + (Files.exists(parent) ? " is not a folder" : " does not exist")));
        }
        return p;
    }

    private static Path path(String option, String value) throws InputException {
        if (value.isBlank()) {
            throw new InputException(option, "", "empty path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InputException(option, "", "not a usable path: " + value + " (" + e.getReason() + ")");
        }
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
        } else {
            for (String option : skipped()) {
                err.println("poet solve: " + option + " not written: the solve ended " + r.status()
                        + " without a schedule");
            }
        }
        ChartSet charts = ChartSet.forSolve(r);
        if (pngDir != null) {
            makeFolder("--png-out", pngDir);
            for (ChartKind k : ChartKind.values()) {
                Path f = ChartFiles.fileIn(pngDir, k, "png");
                attempt("--png-out", f, () -> ChartFiles.writePng(f, charts, k));
            }
        }
        if (svgDir != null) {
            makeFolder("--svg-out", svgDir);
            for (ChartKind k : ChartKind.values()) {
                Path f = ChartFiles.fileIn(svgDir, k, "svg");
                attempt("--svg-out", f, () -> ChartFiles.writeSvg(f, charts, k));
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
