package org.poetexplorer.app;

import java.io.File;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.solver.SolveResult;

/**
 * The main window's content: menu bar, inputs on the left, timeline and memory chart in the
 * centre with the node table, energy and trade-off charts below, the status bar at the
 * bottom, and a notification pane for errors.
 */
final class MainView extends BorderPane {
    private final ExplorerViewModel vm;
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "timeWindow");
    private final TimeNavigation navigation;
    private final TimelineView timeline;
    private final MemoryView memory;
    private final NodeTableView nodeTable;
    private final InputsView inputs;
    private final StatusView status;
    private final NotificationPane notifications;
    private final SplitPane mainSplit;
    private final SplitPane centerSplit;
    private final Menu recentMenu = new Menu("Open Recent");
    private final TradeoffSweep tradeoffSweep;
    private final Tab tradeoffTab;
    private final PauseTransition noticeTimeout = new PauseTransition(Duration.seconds(12));
    private final ExportActions exports;
    private final SessionStore sessions;

    MainView(ExplorerViewModel vm) {
        this(vm, new AppSettings());
    }

    /** @param settings where the last session is remembered (saved by the application) */
    MainView(ExplorerViewModel vm, AppSettings settings) {
        this.vm = vm;
        sessions = new SessionStore(vm, settings);
        setId("mainView");
        navigation = new TimeNavigation(window, () -> {
            SolveResult r = vm.resultProperty().get();
            return r != null && r.hasSchedule() && !r.schedule().ops().isEmpty() ? r.schedule().endS() : 1;
        });
        timeline = new TimelineView(vm, window, navigation);
        memory = new MemoryView(vm, window, navigation);
        nodeTable = new NodeTableView(vm);
        inputs = new InputsView(vm, this::chooseNetwork, this::chooseDevice);
        status = new StatusView(vm);

        ScrollPane left = new ScrollPane(inputs);
        left.setFitToWidth(true);
        left.setMinWidth(280);
        left.setId("inputsScroll");

        VBox timelineBox = new VBox(toolbar(), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setMinHeight(140);
        memory.setMinHeight(120);

        tradeoffSweep = new TradeoffSweep(vm);
        TradeoffPane tradeoffPane = new TradeoffPane(vm, tradeoffSweep);
        tradeoffTab = tab("Trade-off", tradeoffPane,
                "Energy and peak RAM against the RAM budget, one point per solve or per budget of a trade-off curve");
        EnergyView energyView = new EnergyView(vm);
        exports = new ExportActions(vm, energy -> tradeoffPane.charts().points(vm, energy));
        TabPane bottom = new TabPane();
        bottom.setId("bottomTabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottom.getTabs().addAll(tab("Nodes", nodeTable, "Every node with its costs and how this schedule treats it"),
                tab("Energy", energyView, "Energy per kind of operation, against other schedules"),
                tradeoffTab);
        exports.install(timeline, org.poetexplorer.chart.ChartKind.TIMELINE, this::owner);
        exports.install(memory, org.poetexplorer.chart.ChartKind.MEMORY, this::owner);
        exports.install(energyView, org.poetexplorer.chart.ChartKind.ENERGY, this::owner);
        exports.install(tradeoffPane.charts(), org.poetexplorer.chart.ChartKind.TRADEOFF, this::owner);

        centerSplit = new SplitPane(timelineBox, memory, bottom);
        centerSplit.setOrientation(Orientation.VERTICAL);
        centerSplit.setDividerPositions(0.42, 0.70);
        mainSplit = new SplitPane(left, centerSplit);
        mainSplit.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(left, false);

        notifications = new NotificationPane(mainSplit);
        notifications.setId("notifications");
        notifications.setShowFromTop(true);
        noticeTimeout.setOnFinished(e -> notifications.hide());
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null) {
                notifications.getStyleClass().removeAll("error-notice");
                if (n.error()) {
                    notifications.getStyleClass().add("error-notice");
                }
                Label title = new Label(n.title());
                title.getStyleClass().add("notice-title");
                notifications.show(n.title() + "\n" + n.text());
                noticeTimeout.playFromStart();
            }
        });

        setTop(menuBar());
        setCenter(notifications);
        setBottom(status);
        // F fits the timeline, except while typing in a text field.
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F && !e.isShortcutDown() && !e.isAltDown()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                navigation.fit();
                e.consume();
            }
        });
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
    }

    /** The Solve menu's "Trade-off Curve": shows the trade-off charts and starts the sweep there. */
    void traceTradeoffCurve() {
        tradeoffTab.getTabPane().getSelectionModel().select(tradeoffTab);
        tradeoffSweep.start();
    }

    TradeoffSweep tradeoffSweep() {
        return tradeoffSweep;
    }

    private static Tab tab(String title, javafx.scene.Node content, String tip) {
        Tab t = new Tab(title, content);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private ToolBar toolbar() {
        Label title = new Label("Timeline");
        title.getStyleClass().add("section-title");
        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setTooltip(new Tooltip("Show the whole schedule (F or Ctrl+0)"));
        fit.setOnAction(e -> navigation.fit());
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in (Ctrl+=)"));
        zoomIn.setOnAction(e -> navigation.zoomIn());
        Button zoomOut = new Button("\u2212");
        zoomOut.setTooltip(new Tooltip("Zoom out (Ctrl+-)"));
        zoomOut.setOnAction(e -> navigation.zoomOut());
        Label hint = new Label("wheel: zoom   drag: pan   click: select node");
        hint.getStyleClass().add("muted");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(title, spacer, hint, zoomOut, zoomIn, fit);
    }

    private MenuBar menuBar() {
        MenuItem openNet = item("Open Network...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::chooseNetwork);
        MenuItem openDev = item("Open Device...", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                this::chooseDevice);
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> getScene().getWindow().hide());
        MenuItem openSession = item("Open Session...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> sessions.chooseAndOpen(this::owner));
        MenuItem saveSession = item("Save Session...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> sessions.chooseAndSave(this::owner));
        Menu file = new Menu("File", null, openNet, openDev, recentMenu, new SeparatorMenuItem(), openSession,
                saveSession, new SeparatorMenuItem(), exports.exportMenu(this::owner), new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        MenuItem fit = item("Fit to Window", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                navigation::fit);
        MenuItem zoomIn = item("Zoom In", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                navigation::zoomIn);
        MenuItem zoomOut = item("Zoom Out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                navigation::zoomOut);
        MenuItem clearSel = item("Clear Selection", null, () -> vm.selectedNodeProperty().set(-1));
        Menu view = new Menu("View", null, fit, zoomIn, zoomOut, new SeparatorMenuItem(), clearSel);

        MenuItem resolve = item("Solve Again", new KeyCodeCombination(KeyCode.F5), vm::resolve);
        MenuItem cancel = item("Cancel Solve", new KeyCodeCombination(KeyCode.ESCAPE), vm::cancelSolve);
        MenuItem curve = item("Trade-off Curve", null, this::traceTradeoffCurve);
        Menu solve = new Menu("Solve", null, resolve, cancel, new SeparatorMenuItem(), curve);
        MenuBar bar = new MenuBar(file, view, solve);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem m = new MenuItem(p.toString());
            m.setOnAction(e -> openRecent(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** A recent file is a device profile when the device picker knows it as one, otherwise a network. */
    private void openRecent(Path p) {
        if (vm.devices().contains(new DeviceSource.DeviceFile(p))) {
            vm.openDevice(p);
        } else {
            vm.openNetwork(p);
        }
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void chooseNetwork() {
        FileChooser fc = chooser("Open network file");
        fc.getExtensionFilters().add(0, new FileChooser.ExtensionFilter("Networks (JSON, ONNX)", "*.json", "*.onnx"));
        fc.setSelectedExtensionFilter(fc.getExtensionFilters().get(0));
        File f = fc.showOpenDialog(owner());
        if (f != null) {
            vm.openNetwork(f.toPath());
        }
    }

    private void chooseDevice() {
        File f = chooser("Open device profile").showOpenDialog(owner());
        if (f != null) {
            vm.openDevice(f.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON files", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!vm.recentFiles().isEmpty() && vm.recentFiles().get(0).getParent() != null
                && vm.recentFiles().get(0).getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(vm.recentFiles().get(0).getParent().toFile());
        }
        return fc;
    }

    // --- for the application (split memory) and tests ---

    SplitPane mainSplit() {
        return mainSplit;
    }

    SplitPane centerSplit() {
        return centerSplit;
    }

    TimelineView timeline() {
        return timeline;
    }

    MemoryView memory() {
        return memory;
    }

    InputsView inputs() {
        return inputs;
    }

    NotificationPane notifications() {
        return notifications;
    }

    NodeTableView nodeTable() {
        return nodeTable;
    }

    ExportActions exports() {
        return exports;
    }

    SessionStore sessions() {
        return sessions;
    }

    ObjectProperty<TimeWindow> timeWindow() {
        return window;
    }
}
