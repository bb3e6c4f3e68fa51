package org.poetexplorer.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.poetexplorer.app.view.BaselineView;
import org.poetexplorer.app.view.EnergyView;
import org.poetexplorer.app.view.ExportMenus;
import org.poetexplorer.app.view.FileChoosers;
import org.poetexplorer.app.view.HelpMenu;
import org.poetexplorer.app.view.InputsView;
import org.poetexplorer.app.view.MemoryView;
import org.poetexplorer.app.view.NodeDetailsView;
import org.poetexplorer.app.view.NodeTableView;
import org.poetexplorer.app.view.StatusView;
import org.poetexplorer.app.view.OverviewStrip;
import org.poetexplorer.app.view.SearchBar;
import org.poetexplorer.app.view.TimeNavigation;
import org.poetexplorer.app.view.TimelineView;
import org.poetexplorer.app.view.TradeoffPane;
import org.poetexplorer.app.view.TradeoffView;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.NodeSearchViewModel;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.solver.SolveResult;

/**
 * The main window's content, composed of the views: menu bar, inputs on the left, timeline and
 * memory chart in the centre with the node table, energy and trade-off charts below, the status
 * bar at the bottom, and a notification pane for the notices.
 */
final class MainView extends BorderPane {
    private final ExplorerViewModel vm;
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "timeWindow");
    private final TimeNavigation navigation;
    private final SearchBar search;
    private MenuBar menuBar;
    private final TimelineView timeline;
    private final MemoryView memory;
    private final NodeTableView nodeTable;
    private final InputsView inputs;
    private final StatusView status;
    private final NotificationPane notifications;
    private final SplitPane mainSplit;
    private final SplitPane centerSplit;
    private final Menu recentMenu = new Menu("Open Recent");
    private final Tab tradeoffTab;
    private final TradeoffPane tradeoffPane;
    private static final Duration INFO_NOTICE_TIME = Duration.seconds(5);
    private static final Duration ERROR_NOTICE_TIME = Duration.seconds(8);
    private final PauseTransition noticeTimeout = new PauseTransition(INFO_NOTICE_TIME);
    private final ExportMenus exportMenus;
    private final Consumer<String> openDocument;
    /** The places of the window's parts, emptied and filled again at its start ({@link #takeOutParts}). */
    private final Slot inputsSlot;
    private final Slot timelineSlot;
    private final Slot memorySlot;
    private final Slot tabsSlot;
    private final Slot statusSlot;
    private final TabPane bottomTabs;
    private boolean assembled = true;

    /** @param openDocument opens a file's URI in the desktop's viewer (the documentation) */
    MainView(ExplorerViewModel vm, Consumer<String> openDocument) {
        this.vm = vm;
        this.openDocument = openDocument;
        setId("mainView");
        navigation = new TimeNavigation(window, () -> {
            SolveResult r = vm.solving().resultProperty().get();
            return r != null && r.hasSchedule() ? r.schedule() : null;
        }, vm);
        fitEveryNewSchedule();
        navigation.onClear(() -> vm.solving().selectedNodeProperty().set(-1));
        vm.solving().resultProperty().addListener((o, a, r) -> navigation.rangeProperty().set(null));
        timeline = new TimelineView(vm, window, navigation);
        NodeSearchViewModel nodeSearch = new NodeSearchViewModel(vm.solving());
        timeline.showMatches(nodeSearch.matchesProperty());
        search = new SearchBar(nodeSearch, vm.solving(), navigation);
        memory = new MemoryView(vm, window, navigation);
        nodeTable = new NodeTableView(vm);
        inputs = new InputsView(vm, this::chooseNetwork, this::chooseDevice, this::chooseDeviceProfileToSave);
        status = new StatusView(vm);

        ScrollPane inputsScroll = new ScrollPane(inputs);
        inputsScroll.setFitToWidth(true);
        inputsScroll.setMinWidth(280);
        inputsScroll.setId("inputsScroll");
        inputsSlot = new Slot(inputsScroll);

        VBox timelineBox = new VBox(toolbar(), new OverviewStrip(vm, window), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setMinHeight(140);
        memory.setMinHeight(120);

        tradeoffPane = new TradeoffPane(vm);
        tradeoffTab = tab("Trade-off", tradeoffPane,
                "Energy and peak RAM against the RAM budget, one point per solve or per budget of a trade-off curve");
        EnergyView energyView = new EnergyView(vm);
        exportMenus = new ExportMenus(vm.exports(), this::owner);
        TabPane bottom = new TabPane();
        bottomTabs = bottom;
        bottom.setId("bottomTabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane nodes = new SplitPane(nodeTable, new NodeDetailsView(vm.details()));
        nodes.setDividerPositions(0.6);
        Tab nodesTab = tab("Nodes", nodes, "Every node with its costs and how this schedule treats it; "
                + "beside it, why the selected node is treated so");
        nodeTable.onScreenProperty().bind(nodesTab.selectedProperty());
        bottom.getTabs().addAll(nodesTab,
                tab("Energy", energyView, "Energy per kind of operation, against other schedules"),
                tradeoffTab, tab("Compare", new BaselineView(vm.baseline(), vm.solving()),
                        "Pin a schedule as the baseline and see the next ones against it"));
        exportMenus.install(timeline, ChartKind.TIMELINE);
        exportMenus.install(memory, ChartKind.MEMORY);
        exportMenus.install(energyView, ChartKind.ENERGY);
        exportMenus.install(tradeoffPane.charts(), ChartKind.TRADEOFF);

        timelineSlot = new Slot(timelineBox);
        memorySlot = new Slot(memory);
        tabsSlot = new Slot(bottom);
        centerSplit = new SplitPane(timelineSlot, memorySlot, tabsSlot);
        centerSplit.setOrientation(Orientation.VERTICAL);
        centerSplit.setDividerPositions(0.42, 0.70);
        mainSplit = new SplitPane(inputsSlot, centerSplit);
        mainSplit.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(inputsSlot, false);

        notifications = new NotificationPane(mainSplit);
        notifications.setId("notifications");
        // at the bottom, over the tables rather than the menu and the timeline's tools, and not for long
        notifications.setShowFromTop(false);
        noticeTimeout.setOnFinished(e -> notifications.hide());
        vm.notices().noticeProperty().addListener((o, a, n) -> {
            if (n != null) {
                notifications.getStyleClass().removeAll("error-notice");
                if (n.error()) {
                    notifications.getStyleClass().add("error-notice");
                }
                notifications.show(n.title() + "\n" + n.text());
                noticeTimeout.setDuration(n.error() ? ERROR_NOTICE_TIME : INFO_NOTICE_TIME);
                noticeTimeout.playFromStart();
            }
        });

        menuBar = menuBar();
        setTop(menuBar);
        setCenter(notifications);
        statusSlot = new Slot(status);
        setBottom(statusSlot);
        // F fits the timeline, except while typing in a text field.
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F && !e.isShortcutDown() && !e.isAltDown()
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                navigation.fit();
                e.consume();
            }
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                HelpMenu.showShortcuts(menuBar);
                e.consume();
            }
        });
        vm.recentFiles().files().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
    }

    /**
     * Takes the window's large parts (the inputs and each of their sections, the timeline, the
     * memory chart, the tabs below, the status bar) out of the scene and returns the steps that
     * put them back, in order, for one pulse each. Showing a window styles and lays out all it
     * holds again in its first pulse (a pass over every node, about 100 ms on a slow machine even
     * when made once before); with the parts out, the first frame holds the menu and empty
     * places, and each part's pass falls into a pulse of its own.
     */
    List<Runnable> takeOutParts() {
        assembled = false;
        List<Runnable> putBack = new ArrayList<>();
        inputsSlot.empty();
        putBack.add(inputsSlot::fill);
        // the inputs' sections one by one: all at once took about 60 ms
        List<Node> sections = List.copyOf(inputs.getChildren());
        inputs.getChildren().clear();
        sections.forEach(section -> putBack.add(() -> inputs.getChildren().add(section)));
        for (Slot slot : List.of(timelineSlot, memorySlot, tabsSlot)) {
            slot.empty();
            putBack.add(slot::fill);
        }
        // the tabs' contents one by one (the hidden ones are styled too): 40 to 56 ms at once
        for (Tab tab : bottomTabs.getTabs()) {
            Node content = tab.getContent();
            tab.setContent(null);
            putBack.add(() -> tab.setContent(content));
        }
        statusSlot.empty();
        putBack.add(statusSlot::fill);
        putBack.add(() -> assembled = true);
        return putBack;
    }

    /** False from {@link #takeOutParts} until every part is back in the scene. */
    boolean assembled() {
        return assembled;
    }

    /** Holds a part of the window; empty between {@link #empty} and {@link #fill}. */
    private static final class Slot extends StackPane {
        private final Node part;

        Slot(Node part) {
            this.part = part;
            fill();
        }

        void empty() {
            getChildren().clear();
        }

        void fill() {
            if (getChildren().isEmpty()) {
                getChildren().add(part);
            }
        }
    }

    /**
     * Another network, device or set of budgets shows its schedule whole: a zoom into the old
     * one would show an empty stretch of time. Better schedules of the same solve keep the zoom.
     */
    private void fitEveryNewSchedule() {
        vm.inputs().graphProperty().addListener((o, a, b) -> navigation.fit());
        vm.inputs().deviceProperty().addListener((o, a, b) -> navigation.fit());
        vm.solving().resultProperty().addListener((o, a, r) -> {
            if (r != null && (a == null || a.graph() != r.graph() || !a.budget().equals(r.budget()))) {
                navigation.fit();
            }
        });
    }

    /** The Solve menu's "Trade-off Curve": shows the trade-off charts and starts the sweep there. */
    void traceTradeoffCurve() {
        tradeoffTab.getTabPane().getSelectionModel().select(tradeoffTab);
        vm.tradeoff().start();
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
        // here, not over the chart, where it would cover the card of the operation under the pointer
        hint.setTooltip(new Tooltip(TimelineView.HELP));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(title, search, spacer, hint, zoomOut, zoomIn, fit);
    }

    private MenuBar menuBar() {
        MenuItem openNet = item("Open Network...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::chooseNetwork);
        MenuItem openDev = item("Open Device...", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                this::chooseDevice);
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> getScene().getWindow().hide());
        MenuItem openSession = item("Open Session...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::chooseSessionToOpen);
        MenuItem saveSession = item("Save Session...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                this::chooseSessionToSave);
        MenuItem newSession = item("New (Defaults)", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                vm.sessions()::newSession);
        Menu file = new Menu("File", null, newSession, new SeparatorMenuItem(), openNet, openDev, recentMenu, new SeparatorMenuItem(), openSession,
                saveSession, new SeparatorMenuItem(), exportMenus.exportMenu(), new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

        MenuItem fit = item("Fit to Window", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                navigation::fit);
        MenuItem zoomIn = item("Zoom In", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN),
                navigation::zoomIn);
        MenuItem zoomOut = item("Zoom Out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
                navigation::zoomOut);
        MenuItem clearSel = item("Clear Selection", null, () -> vm.solving().selectedNodeProperty().set(-1));
        MenuItem find = item("Find Node...", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                search::focus);
        Menu view = new Menu("View", null, fit, zoomIn, zoomOut, new SeparatorMenuItem(), clearSel, find);

        MenuItem resolve = item("Solve Again", new KeyCodeCombination(KeyCode.F5), vm.solving()::resolve);
        MenuItem cancel = item("Cancel Solve", new KeyCodeCombination(KeyCode.ESCAPE), vm.solving()::cancelSolve);
        MenuItem curve = item("Trade-off Curve", null, this::traceTradeoffCurve);
        Menu solve = new Menu("Solve", null, resolve, cancel, new SeparatorMenuItem(), curve);
        MenuBar bar = new MenuBar(file, view, solve);
        bar.setId("menuBar");
        bar.getMenus().add(HelpMenu.create(bar, openDocument));
        return bar;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        return FileChoosers.item(text, key, action);
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles().files()) {
            MenuItem m = new MenuItem(p.toString());
            m.setOnAction(e -> vm.inputs().openRecent(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void chooseNetwork() {
        Path f = FileChoosers.open(owner(), "Open network file", vm.recentFiles().folder(), "Networks (JSON, ONNX)",
                "*.json", "*.onnx");
        if (f != null) {
            vm.inputs().openNetwork(f);
        }
    }

    private void chooseDevice() {
        Path f = FileChoosers.open(owner(), "Open device profile", vm.recentFiles().folder(), "JSON files", "*.json");
        if (f != null) {
            vm.inputs().openDevice(f);
        }
    }

    private void chooseDeviceProfileToSave() {
        Path f = FileChoosers.save(owner(), "Save device profile", "device.json", vm.recentFiles().folder(),
                "Device profiles (JSON)", "*.json");
        if (f != null) {
            vm.inputs().saveDeviceProfile(f);
        }
    }

    private void chooseSessionToOpen() {
        Path f = FileChoosers.open(owner(), "Open session", vm.sessions().folder(), "Sessions (JSON)", "*.json");
        if (f != null) {
            vm.sessions().open(f);
        }
    }

    private void chooseSessionToSave() {
        Path f = FileChoosers.save(owner(), "Save session", "session.json", vm.sessions().folder(), "Sessions (JSON)",
                "*.json");
        if (f != null) {
            vm.sessions().save(f);
        }
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

    ObjectProperty<TimeWindow> timeWindow() {
        return window;
    }

    TradeoffView tradeoffCharts() {
        return tradeoffPane.charts();
    }

    TimeNavigation navigation() {
        return navigation;
    }
}
