package org.poetexplorer.app.viewmodel;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.concurrent.Task;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.ChartSet;
import org.poetexplorer.chart.EnergyBarsPainter;
import org.poetexplorer.chart.MemoryPainter;
import org.poetexplorer.chart.TimelinePainter;
import org.poetexplorer.io.ChartFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.HtmlReport;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.ScheduleCsv;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.io.TraceFiles;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveResult;

/**
 * Exports of what the window shows: the schedule as JSON or CSV, each chart as PNG (2x) or
 * SVG, and the one-page HTML report. The data is taken on the JavaFX thread; drawing and
 * writing run in a background {@link Task}, each file written atomically; the outcome is shown
 * in the notification bar (a failure names the file and why, and changes nothing). The
 * methods taking a {@link Path} are what the menus call after the file chooser.
 */
public final class Exports {
    /** The image formats a chart is exported in. */
    public enum Format {
        PNG, SVG;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final BackgroundTasks tasks;
    private final Notices notices;
    private final InputsViewModel inputs;
    private final SolvingViewModel solving;
    private final ComparisonsViewModel comparisons;
    private final TradeoffViewModel tradeoff;
    private Path lastFolder;

    Exports(BackgroundTasks tasks, Notices notices, InputsViewModel inputs, SolvingViewModel solving,
            ComparisonsViewModel comparisons, TradeoffViewModel tradeoff) {
        this.tasks = tasks;
        this.notices = notices;
        this.inputs = inputs;
        this.solving = solving;
        this.comparisons = comparisons;
        this.tradeoff = tradeoff;
    }

    // --- exports to a given file (what the menus run after the chooser) ---

    public Task<Path> exportScheduleJson(Path file) {
        SolveResult r = scheduled("the schedule");
        return r == null ? null : run("schedule", file, () -> ScheduleFiles.write(file, r));
    }

    public Task<Path> exportScheduleCsv(Path file) {
        SolveResult r = scheduled("the schedule");
        return r == null ? null : run("schedule CSV", file, () -> ScheduleCsv.write(file, r.schedule()));
    }

    public Task<Path> exportTrace(Path file) {
        SolveResult r = scheduled("the trace");
        return r == null ? null : run("trace", file, () -> TraceFiles.write(file, r.schedule(), r.solver(), r.status()));
    }

    public Task<Path> exportChart(ChartKind kind, Format format, Path file) {
        SolveResult r = solving.resultProperty().get();
        ChartSet charts = r == null ? charts() : charts().titled(ChartSet.context(r, networkLabel(), deviceLabel()));
        return run(kind.title() + " chart", file, () -> {
            if (format == Format.PNG) {
                ChartFiles.writePng(file, charts, kind);
            } else {
                ChartFiles.writeSvg(file, charts, kind);
            }
        });
    }

    public Task<Path> exportReport(Path file) {
        SolveResult r = solving.resultProperty().get();
        if (r == null) {
            notices.post(Notice.error("Nothing to report yet", "The report describes a finished solve; wait for the first one."));
            return null;
        }
        ChartSet charts = charts();
        String network = networkLabel() == null ? r.graph().name() : networkLabel();
        String device = deviceLabel();
        var profile = inputs.deviceProperty().get();
        return run("report", file, () -> HtmlReport.write(file, r, network, device, profile, charts));
    }

    /** The open network's label (its name or file), or null. */
    private String networkLabel() {
        NetworkSource n = inputs.networkProperty().get();
        return n == null ? null : n.label();
    }

    private String deviceLabel() {
        DeviceSource d = inputs.deviceChoiceProperty().get();
        return d == null ? null : d.label();
    }

    /** The charts as the window shows them, whole (not zoomed), without selection or hover marks. */
    public ChartSet charts() {
        ShownSchedule shown = solving.shownProperty().get();
        SolveResult r = shown == null ? null : shown.result();
        Schedule s = r != null && r.hasSchedule() ? r.schedule() : null;
        TrainingGraph g = inputs.graphProperty().get();
        double plainJ = g == null ? Double.NaN : g.plainEnergyJ();
        long budget = s != null ? s.budget().ramBytes() : inputs.ramBudgetProperty().get();
        String empty = r == null ? "No schedule yet" : ChartSet.emptyText(r);
        return new ChartSet(
                new TimelinePainter(s == null ? null : shown.timeline(), null, -1, -1, empty),
                MemoryPainter.exported(s == null ? null : shown.memory(), budget, g == null ? 0 : g.paramBytes(), empty),
                new EnergyBarsPainter(comparisons.bars(shown, inputs.plainSummaryProperty().get()), plainJ),
                ChartSet.tradeoff(tradeoff.points(true), tradeoff.points(false), plainJ));
    }

    private SolveResult scheduled(String what) {
        SolveResult r = solving.resultProperty().get();
        if (r == null || !r.hasSchedule()) {
            notices.post(Notice.error("No schedule to export", "There is no schedule on screen"
                    + (r == null ? " yet." : " (the solve ended " + r.status() + "), so " + what + " was not written.")));
            return null;
        }
        return r;
    }

    private interface Write {
        void run() throws Exception;
    }

    /** Runs {@code write} in the background and reports how it went. */
    private Task<Path> run(String what, Path file, Write write) {
        return tasks.run("export " + what, () -> {
            write.run();
            return file;
        }, BackgroundTasks.Outcome.of(written -> {
            lastFolder = file.toAbsolutePath().getParent();
            notices.post(Notice.info("Exported the " + what, file.toAbsolutePath().toString()));
        }, error -> notices.post(Notice.error("Could not export the " + what + " (nothing was changed)",
                Notice.reason(error)))));
    }

    /** The folder of the last export, where a file chooser starts; null when there is none. */
    public File folder() {
        return lastFolder != null && lastFolder.toFile().isDirectory() ? lastFolder.toFile() : null;
    }
}
