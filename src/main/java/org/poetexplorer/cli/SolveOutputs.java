package org.poetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

    /** A file asked for: the option that names it, its path and, for a chart, which one. */
    private record Output(String option, Path path, ChartKind chart) {
    }

    /** Every file asked for, charts included; a chart folder that does not exist yet is made when writing. */
    private List<Output> asked(boolean withSchedule) {
        List<Output> out = new ArrayList<>();
        if (withSchedule) {
            add(out, "--schedule-out", scheduleOut, null);
            add(out, "--csv-out", csvOut, null);
            add(out, "--trace-out", traceOut, null);
        }
        for (ChartKind k : ChartKind.values()) {
            add(out, "--png-out", pngDir == null ? null : ChartFiles.fileIn(pngDir, k, "png"), k);
            add(out, "--svg-out", svgDir == null ? null : ChartFiles.fileIn(svgDir, k, "svg"), k);
        }
        add(out, "--report-out", reportOut, null);
        return out;
    }

    private static void add(List<Output> out, String option, Path path, ChartKind chart) {
        if (path != null) {
            out.add(new Output(option, path, chart));
        }
    }

    /**
     * Checks, before the solve, that the files asked for can be written together: none is a
     * folder, device or FIFO and no file is named twice (links followed).
     *
     * @throws InputException naming the option and the file
     */
    void check() throws InputException {
        AtomicFiles.Transaction files = AtomicFiles.transaction();
        for (Output o : asked(true)) {
            Path folder = o.path().toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder)) {
                attempt(o.option(), () -> files.add(o.path(), out -> { }));
            }
        }
    }

    /**
     * Writes every file asked for, as one set (see {@link AtomicFiles}): all are written, or on a
     * failure none is replaced. Without a schedule the schedule files are skipped (said on
     * {@code err}); the report and charts say why there is none.
     *
     * @throws InputException naming the option and the file that could not be written
     */
    void write(SolveResult r, String networkLabel, String deviceLabel, Device device, PrintWriter err)
            throws InputException {
        if (!any()) {
            return;
        }
        if (!r.hasSchedule()) {
            for (String option : skipped()) {
                err.println("poet solve: " + option + " not written: the solve ended " + r.status()
                        + " without a schedule");
            }
        }
        ChartSet charts = ChartSet.forSolve(r);
        makeFolder("--png-out", pngDir);
        makeFolder("--svg-out", svgDir);
        AtomicFiles.Transaction files = AtomicFiles.transaction();
        List<Output> asked = asked(r.hasSchedule());
        for (Output o : asked) {
            attempt(o.option(), () -> files.add(o.path(), content(o, r, networkLabel, deviceLabel, device, charts)));
        }
        try {
            files.commit();
        } catch (AtomicFiles.Failure e) {
            String option = asked.stream().filter(o -> o.path().equals(e.target())).map(Output::option)
                    .findFirst().orElse("");
            throw new InputException(option, "", e.getMessage() + " (no file was replaced)", e);
        } catch (IOException e) {
            throw new InputException("", "", e.getMessage() + " (no file was replaced)", e);
        }
    }

    private static AtomicFiles.Writer content(Output o, SolveResult r, String networkLabel, String deviceLabel,
            Device device, ChartSet charts) {
        return switch (o.option()) {
            case "--schedule-out" -> text(ScheduleFiles.toJson(r));
            case "--csv-out" -> text(ScheduleCsv.format(r.schedule()));
            case "--trace-out" -> text(TraceFiles.toJson(r.schedule(), r.solver(), r.status()));
            case "--report-out" -> text(HtmlReport.html(r, networkLabel, deviceLabel, device, charts));
            case "--png-out" -> ChartFiles.png(charts.titled(ChartSet.context(r, networkLabel, deviceLabel)), o.chart());
            default -> ChartFiles.svg(charts.titled(ChartSet.context(r, networkLabel, deviceLabel)), o.chart());
        };
    }

    private static AtomicFiles.Writer text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The files asked for that need a schedule: those of {@link #asked} with one and not without. */
    private List<String> skipped() {
        List<Output> without = asked(false);
        return asked(true).stream().filter(o -> !without.contains(o)).map(Output::option).toList();
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void attempt(String option, Write w) throws InputException {
        try {
            w.run();
        } catch (IOException e) {
            throw new InputException(option, "", e.getMessage(), e);
        }
    }

    private static void makeFolder(String option, Path dir) throws InputException {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(option, "", "cannot make folder " + dir + " (" + e + ")", e);
        }
    }
}
