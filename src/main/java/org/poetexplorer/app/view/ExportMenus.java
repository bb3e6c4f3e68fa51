package org.poetexplorer.app.view;

import java.nio.file.Path;
import java.util.List;
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
import javafx.stage.Window;
import org.poetexplorer.app.viewmodel.Exports;
import org.poetexplorer.app.viewmodel.Exports.Format;
import org.poetexplorer.chart.ChartKind;

/**
 * The export menus: File > Export, and a right-click menu on each chart. Each item asks for a
 * file and calls the matching {@link Exports} command.
 */
public final class ExportMenus {
    private final Exports exports;
    private final Supplier<Window> owner;

    public ExportMenus(Exports exports, Supplier<Window> owner) {
        this.exports = exports;
        this.owner = owner;
    }

    /** File > Export: schedule, report, and every chart in both formats. */
    public Menu exportMenu() {
        Menu charts = new Menu("Chart");
        for (ChartKind k : ChartKind.values()) {
            for (Format f : Format.values()) {
                charts.getItems().add(chartItem(k, f));
            }
        }
        Menu menu = new Menu("Export");
        menu.setId("exportMenu");
        menu.getItems().addAll(scheduleItems());
        menu.getItems().addAll(new SeparatorMenuItem(), charts, new SeparatorMenuItem(), reportItem());
        menu.getItems().get(0).setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        menu.getItems().get(1).setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        menu.getItems().get(menu.getItems().size() - 1)
                .setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        return menu;
    }

    /** Right-click on a chart: that chart as PNG or SVG, the schedule, the report. */
    public ContextMenu install(Node chart, ChartKind kind) {
        ContextMenu menu = new ContextMenu(chartItem(kind, Format.PNG), chartItem(kind, Format.SVG),
                new SeparatorMenuItem());
        menu.getItems().addAll(scheduleItems());
        menu.getItems().addAll(new SeparatorMenuItem(), reportItem());
        chart.setOnContextMenuRequested(e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        chart.getProperties().put(ContextMenu.class, menu);
        return menu;
    }

    /** The export menu installed on a chart, or null (for tests). */
    public static ContextMenu installedMenu(Node chart) {
        return (ContextMenu) chart.getProperties().get(ContextMenu.class);
    }

    private List<MenuItem> scheduleItems() {
        return List.of(
                FileChoosers.item("Export Schedule (JSON)...", () -> choose("Export schedule", "schedule.json",
                        "Schedule (JSON)", "*.json", exports::exportScheduleJson)),
                FileChoosers.item("Export Operations (CSV)...", () -> choose("Export operations", "schedule.csv",
                        "Operations (CSV)", "*.csv", exports::exportScheduleCsv)),
                FileChoosers.item("Export Trace (Perfetto, chrome://tracing)...", () -> choose("Export trace",
                        "trace.json", "Chrome Trace Event JSON", "*.json", exports::exportTrace)));
    }

    private MenuItem reportItem() {
        return FileChoosers.item("Export Report (HTML)...", () -> choose("Export report", "report.html",
                "Report (HTML)", "*.html", exports::exportReport));
    }

    private MenuItem chartItem(ChartKind kind, Format format) {
        String ext = format.extension();
        return FileChoosers.item(kind.title() + " as " + format.name() + "...", () -> choose(
                "Export " + kind.title() + " chart", kind.fileName() + "." + ext,
                format.name() + (format == Format.PNG ? " image (2x)" : " drawing"), "*." + ext,
                p -> exports.exportChart(kind, format, p)));
    }

    private void choose(String title, String name, String filterName, String pattern,
            Function<Path, Task<Path>> export) {
        Path file = FileChoosers.save(owner.get(), title, name, exports.folder(), filterName, pattern);
        if (file != null) {
            export.apply(file);
        }
    }
}
