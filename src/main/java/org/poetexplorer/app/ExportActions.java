package org.poetexplorer.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.ChartSet;
import org.poetexplorer.chart.EnergyBarsPainter;
import org.poetexplorer.chart.MemoryData;
import org.poetexplorer.chart.MemoryPainter;
import org.poetexplorer.chart.TimelineData;
import org.poetexplorer.chart.TimelinePainter;
import org.poetexplorer.chart.TradeoffPoint;
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
 * methods taking a {@link Path} are what the menus call after the file chooser, and what tests call.
 */
final class ExportActions {
    /** The image formats a chart is exported in. */
    enum Format {
        PNG, SVG;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ExplorerViewModel vm;
    private final Function<Boolean, List<TradeoffPoint>> tradeoffPoints;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poet-export");
        t.setDaemon(true);
        return t;
    });
    private Path lastFolder;

    /** @param tradeoffPoints the trade-off view's points: energy (true) or peak RAM (false) against the budget */
    ExportActions(ExplorerViewModel vm, Function<Boolean, List<TradeoffPoint>> tradeoffPoints) {
        this.vm = vm;
        this.tradeoffPoints = tradeoffPoints;
    }

    // --- exports to a given file (what the menus run after the chooser) ---

    Task<Path> exportScheduleJson(Path file) {
        SolveResult r = scheduled("the schedule");
        return r == null ? null : run("schedule", file, () -> ScheduleFiles.write(file, r));
    }

    Task<Path> exportScheduleCsv(Path file) {
        SolveResult r = scheduled("the schedule");
        return r == null ? null : run("schedule CSV", file, () -> ScheduleCsv.write(file, r.schedule()));
    }

    Task<Path> exportTrace(Path file) {
        SolveResult r = scheduled("the trace");
        return r == null ? null : run("trace", file, () -> TraceFiles.write(file, r.schedule(), r.solver(), r.status()));
    }

    Task<Path> exportChart(ChartKind kind, Format format, Path file) {
        SolveResult r = vm.resultProperty().get();
        ChartSet charts = r == null ? charts() : charts().titled(ChartSet.context(r, networkLabel(), deviceLabel()));
        return run(kind.title() + " chart", file, () -> {
            if (format == Format.PNG) {
                ChartFiles.writePng(file, charts, kind);
            } else {
                ChartFiles.writeSvg(file, charts, kind);
            }
        });
    }

    Task<Path> exportReport(Path file) {
        SolveResult r = vm.resultProperty().get();
        if (r == null) {
            vm.post(Notice.error("Nothing to report yet", "The report describes a finished solve; wait for the first one."));
            return null;
        }
        ChartSet charts = charts();
        String network = networkLabel() == null ? r.graph().name() : networkLabel();
        String device = deviceLabel();
        var profile = vm.deviceProperty().get();
        return run("report", file, () -> HtmlReport.write(file, r, network, device, profile, charts));
    }

    /** The open network's label (its name or file), or null. */
    private String networkLabel() {
        NetworkSource n = vm.networkProperty().get();
        return n == null ? null : n.label();
    }

    private String deviceLabel() {
        DeviceSource d = vm.deviceChoiceProperty().get();
        return d == null ? null : d.label();
    }

    /** The charts as the window shows them, whole (not zoomed), without selection or hover marks. */
    ChartSet charts() {
        SolveResult r = vm.resultProperty().get();
        Schedule s = r != null && r.hasSchedule() ? r.schedule() : null;
        TrainingGraph g = vm.graphProperty().get();
        double plainJ = g == null ? Double.NaN : g.plainEnergyJ();
        long budget = s != null ? s.budget().ramBytes() : vm.ramBudgetProperty().get();
        String empty = r == null ? "No schedule yet" : ChartSet.emptyText(r);
        return new ChartSet(
                new TimelinePainter(s == null ? null : new TimelineData(s), null, -1, -1, empty),
                MemoryPainter.exported(s == null ? null : new MemoryData(s), budget, g == null ? 0 : g.paramBytes(), empty),
                new EnergyBarsPainter(EnergyView.bars(vm), plainJ),
                ChartSet.tradeoff(tradeoffPoints.apply(true), tradeoffPoints.apply(false), plainJ));
    }

    private SolveResult scheduled(String what) {
        SolveResult r = vm.resultProperty().get();
        if (r == null || !r.hasSchedule()) {
            vm.post(Notice.error("No schedule to export", "There is no schedule on screen"
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
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                write.run();
                return file;
            }
        };
        task.setOnSucceeded(e -> {
            lastFolder = file.toAbsolutePath().getParent();
            vm.post(Notice.info("Exported the " + what, file.toAbsolutePath().toString()));
        });
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            String reason = t.getMessage() == null ? t.toString() : t.getMessage();
            vm.post(Notice.error("Could not export the " + what + " (nothing was changed)", reason));
        });
        worker.execute(task);
        return task;
    }

    // --- menus ---

    /** File > Export: schedule, report, and every chart in both formats. */
    Menu exportMenu(Supplier<Window> owner) {
        Menu charts = new Menu("Chart");
        for (ChartKind k : ChartKind.values()) {
            for (Format f : Format.values()) {
                charts.getItems().add(chartItem(k, f, owner));
            }
        }
        Menu menu = new Menu("Export");
        menu.setId("exportMenu");
        menu.getItems().addAll(scheduleItems(owner));
        menu.getItems().addAll(new SeparatorMenuItem(), charts, new SeparatorMenuItem(), reportItem(owner));
        menu.getItems().get(0).setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        menu.getItems().get(1).setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        menu.getItems().get(menu.getItems().size() - 1)
                .setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        return menu;
    }

    /** Right-click on a chart: that chart as PNG or SVG, the schedule, the report. */
    ContextMenu install(Node chart, ChartKind kind, Supplier<Window> owner) {
        ContextMenu menu = new ContextMenu(chartItem(kind, Format.PNG, owner), chartItem(kind, Format.SVG, owner),
                new SeparatorMenuItem());
        menu.getItems().addAll(scheduleItems(owner));
        menu.getItems().addAll(new SeparatorMenuItem(), reportItem(owner));
        chart.setOnContextMenuRequested(e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        chart.getProperties().put(ContextMenu.class, menu);
        return menu;
    }

    /** The export menu installed on a chart, or null (for tests). */
    static ContextMenu installedMenu(Node chart) {
        return (ContextMenu) chart.getProperties().get(ContextMenu.class);
    }

    private List<MenuItem> scheduleItems(Supplier<Window> owner) {
        return List.of(
                item("Export Schedule (JSON)...", () -> choose(owner, "Export schedule", "schedule.json",
                        "Schedule (JSON)", "*.json", this::exportScheduleJson)),
                item("Export Operations (CSV)...", () -> choose(owner, "Export operations", "schedule.csv",
                        "Operations (CSV)", "*.csv", this::exportScheduleCsv)),
                item("Export Trace (Perfetto, chrome://tracing)...", () -> choose(owner, "Export trace", "trace.json",
                        "Chrome Trace Event JSON", "*.json", this::exportTrace)));
    }

    private MenuItem reportItem(Supplier<Window> owner) {
        return item("Export Report (HTML)...", () -> choose(owner, "Export report", "report.html",
                "Report (HTML)", "*.html", this::exportReport));
    }

    private MenuItem chartItem(ChartKind kind, Format format, Supplier<Window> owner) {
        String ext = format.extension();
        return item(kind.title() + " as " + format.name() + "...", () -> choose(owner,
                "Export " + kind.title() + " chart", kind.fileName() + "." + ext,
                format.name() + (format == Format.PNG ? " image (2x)" : " drawing"), "*." + ext,
                p -> exportChart(kind, format, p)));
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void choose(Supplier<Window> owner, String title, String name, String filterName, String pattern,
            Function<Path, Task<Path>> export) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            fc.setInitialDirectory(lastFolder.toFile());
        }
        File f = fc.showSaveDialog(owner.get());
        if (f != null) {
            export.apply(f.toPath());
        }
    }

    void shutdown() {
        worker.shutdown();
    }
}
