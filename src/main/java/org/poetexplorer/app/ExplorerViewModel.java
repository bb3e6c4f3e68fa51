package org.poetexplorer.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.LoadedNetwork;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.heuristic.FastScheduler;

/**
 * The explorer's state as JavaFX properties, and what the user can do to it. Views bind to
 * these properties and call these methods; this class never touches a control. Loading files
 * and solving happen in background tasks; their results are applied here, on the JavaFX
 * thread, only if nothing newer was asked for in the meantime.
 */
public final class ExplorerViewModel {
    public static final String DEFAULT_NETWORK = "resnet18_cifar";
    public static final String DEFAULT_DEVICE = "a72";
    public static final double DEFAULT_RAM_FRACTION = 0.6;
    public static final double DEFAULT_RUNTIME_RATIO = 1.5;
    public static final double MIN_RUNTIME_RATIO = 1.0;
    public static final double MAX_RUNTIME_RATIO = 10.0;
    /** Time limit for the remat-only and paging-only comparison solves. */
    private static final double COMPARISON_LIMIT_S = 15;

    /** What the solver side is doing. */
    public enum Phase {
        LOADING, SOLVING, DONE, FAILED, IDLE
    }

    private final ObservableList<NetworkSource> networks = FXCollections.observableArrayList();
    private final ObservableList<DeviceSource> devices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NetworkSource> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyObjectWrapper<DeviceSource> deviceChoice = new ReadOnlyObjectWrapper<>(this, "deviceChoice");
    private final ReadOnlyObjectWrapper<Device> device = new ReadOnlyObjectWrapper<>(this, "device");
    private final ReadOnlyObjectWrapper<TrainingGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<Schedule> plain = new ReadOnlyObjectWrapper<>(this, "plain");
    private final ReadOnlyLongWrapper plainPeakBytes = new ReadOnlyLongWrapper(this, "plainPeakBytes");

    private final LongProperty ramBudget = new SimpleLongProperty(this, "ramBudget", 1);
    private final DoubleProperty runtimeRatio = new SimpleDoubleProperty(this, "runtimeRatio", DEFAULT_RUNTIME_RATIO);
    private final BooleanProperty paging = new SimpleBooleanProperty(this, "paging", true);
    private final BooleanProperty remat = new SimpleBooleanProperty(this, "remat", true);
    private final StringProperty solver = new SimpleStringProperty(this, "solver", Backends.DEFAULT);
    private final ObjectProperty<ImportOptions> onnxImport = new SimpleObjectProperty<>(this, "onnxImport",
            ImportOptions.DEFAULT);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads",
            Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final DoubleProperty timeLimit = new SimpleDoubleProperty(this, "timeLimit", 60);

    private final ReadOnlyObjectWrapper<SolveResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<SolveResult> rematOnly = new ReadOnlyObjectWrapper<>(this, "rematOnly");
    private final ReadOnlyObjectWrapper<SolveResult> pagingOnly = new ReadOnlyObjectWrapper<>(this, "pagingOnly");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.LOADING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Loading...");
    private final ReadOnlyLongWrapper solveStartedNanos = new ReadOnlyLongWrapper(this, "solveStartedNanos");
    private final ReadOnlyObjectWrapper<Long> minimalRamBytes = new ReadOnlyObjectWrapper<>(this, "minimalRamBytes");
    private final ReadOnlyObjectWrapper<Long> workingRamBytes = new ReadOnlyObjectWrapper<>(this, "workingRamBytes");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<SolveRecord> history = FXCollections.observableArrayList();
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyIntegerWrapper loadFailures =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "loadFailures");

    private final SolveService solves;
    private final SolveService comparisons;
    private long loadGeneration;
    private boolean applying;
    private boolean userCancelled;
    private SolveRequest lastRequest;
    private String solvePhase;
    private Double lowerBound;

    public ExplorerViewModel() {
        this(Duration.millis(200));
    }

    ExplorerViewModel(Duration coalesce) {
        solves = new SolveService(new MainListener(), coalesce);
        comparisons = new SolveService(new ComparisonListener(), Duration.ZERO);
        for (String n : Catalog.names()) {
            networks.add(new NetworkSource.CatalogNetwork(n));
        }
        for (String id : DeviceFiles.builtInIds()) {
            devices.add(new DeviceSource.BuiltInDevice(id));
        }
        ramBudget.addListener((o, a, b) -> inputsChanged());
        runtimeRatio.addListener((o, a, b) -> inputsChanged());
        paging.addListener((o, a, b) -> inputsChanged());
        remat.addListener((o, a, b) -> inputsChanged());
        solver.addListener((o, a, b) -> inputsChanged());
        threads.addListener((o, a, b) -> inputsChanged());
        timeLimit.addListener((o, a, b) -> inputsChanged());
    }

    /**
     * Adds the profile files of {@code folder} (if it exists) to the device picker, except those
     * that are the built-in profiles under their own name. Lists it in the background.
     */
    public void addSampleProfiles(Path folder) {
        solves.background(() -> {
            if (!Files.isDirectory(folder)) {
                return List.<Path>of();
            }
            try (Stream<Path> s = Files.list(folder)) {
                return s.filter(p -> p.toString().endsWith(".json"))
                        .filter(p -> !DeviceFiles.builtInIds().contains(p.getFileName().toString().replace(".json", "")))
                        .sorted().toList();
            }
        }, files -> files.forEach(f -> addDeviceChoice(new DeviceSource.DeviceFile(f.toAbsolutePath()))), e -> {
        });
    }

    /** Loads the default network and device and solves at the default budgets. */
    public void loadDefaults() {
        load(new NetworkSource.CatalogNetwork(DEFAULT_NETWORK), new DeviceSource.BuiltInDevice(DEFAULT_DEVICE), null,
                DEFAULT_RAM_FRACTION);
    }

    public void selectNetwork(NetworkSource choice) {
        if (choice != null && !choice.equals(network.get())) {
            load(choice, deviceChoice.get(), device.get(), currentRamFraction());
        }
    }

    public void openNetwork(Path file) {
        load(new NetworkSource.NetworkFile(file.toAbsolutePath()), deviceChoice.get(), device.get(),
                currentRamFraction());
    }

    /**
     * Choices for reading network files: ONNX import (batch, unsupported operators) and the time
     * unit of node-link graphs. An open ONNX model is imported again when its choices change, an
     * open JSON network file when the time unit does.
     */
    public void setOnnxImport(ImportOptions choices) {
        ImportOptions before = onnxImport.get();
        if (choices == null || choices.equals(before)) {
            return;
        }
        onnxImport.set(choices);
        NetworkSource n = network.get();
        boolean affected = n != null && (n.isOnnx() ? choices.batch() != before.batch()
                || choices.unsupported() != before.unsupported()
                : n instanceof NetworkSource.NetworkFile && choices.timeUnitS() != before.timeUnitS());
        if (affected) {
            load(n, deviceChoice.get(), device.get(), currentRamFraction());
        }
    }

    public ReadOnlyObjectProperty<ImportOptions> onnxImportProperty() {
        return onnxImport;
    }

    public void selectDevice(DeviceSource choice) {
        if (choice != null && !choice.equals(deviceChoice.get())) {
            load(network.get(), choice, null, currentRamFraction());
        }
    }

    public void openDevice(Path file) {
        load(network.get(), new DeviceSource.DeviceFile(file.toAbsolutePath()), null, currentRamFraction());
    }

    /** Uses an edited device profile (from the property sheet) and re-solves. */
    public void applyDevice(Device edited) {
        load(network.get(), deviceChoice.get(), edited, currentRamFraction());
    }

    private double currentRamFraction() {
        long peak = plainPeakBytes.get();
        return peak > 0 ? (double) ramBudget.get() / peak : DEFAULT_RAM_FRACTION;
    }

    private record Loaded(NetworkSource network, DeviceSource deviceChoice, Device device, TrainingGraph graph,
            Schedule plain, long plainPeak, List<String> warnings) {
    }

    private void load(NetworkSource n, DeviceSource dc, Device given, double ramFraction) {
        load(n, dc, given, loaded -> apply(loaded, ramFraction));
    }

    private void load(NetworkSource n, DeviceSource dc, Device given, java.util.function.Consumer<Loaded> then) {
        if (n == null || dc == null) {
            return;
        }
        long gen = ++loadGeneration;
        ImportOptions onnxChoices = onnxImport.get();
        loading.set(true);
        phase.set(Phase.LOADING);
        status.set("Loading " + n + " on " + dc + "...");
        solves.background(() -> {
            Device d = given != null ? given : dc.load();
            LoadedNetwork network = n.loadWithWarnings(d, onnxChoices);
            TrainingGraph g = network.graph();
            return new Loaded(n, dc, d, g, Plans.plainSchedule(g), Plans.plainPeakBytes(g), network.warnings());
        }, loaded -> {
            if (gen == loadGeneration) {
                loading.set(false);
                then.accept(loaded);
                if (!loaded.warnings().isEmpty()) {
                    notice.set(Notice.info("Imported " + n, String.join(" ", loaded.warnings())));
                }
            }
        }, error -> {
            if (gen == loadGeneration) {
                loading.set(false);
                reportLoadError(n, dc, error);
                loadFailures.set(loadFailures.get() + 1);
                restorePhaseAfterFailedLoad();
            }
        });
    }

    private void restorePhaseAfterFailedLoad() {
        if (graph.get() == null) {
            phase.set(Phase.IDLE);
            status.set("Nothing loaded");
        } else {
            boolean busy = solves.busyProperty().get();
            phase.set(busy ? Phase.SOLVING : Phase.DONE);
            status.set(describe(result.get(), busy));
        }
    }

    private void reportLoadError(NetworkSource n, DeviceSource dc, Throwable error) {
        String text = error instanceof InputException || error instanceof IllegalArgumentException
                ? error.getMessage()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        notice.set(Notice.error("Could not load " + n + " on " + dc + " (nothing was changed)", text));
    }

    private void apply(Loaded l, double ramFraction) {
        applyLoaded(l, Math.max(1, Math.round(l.plainPeak() * ramFraction)));
        inputsChanged();
    }

    /**
     * Opens saved inputs (a session): loads the network and device, then sets the budgets,
     * switches and solver settings exactly as given and shows the schedule {@code shownFor}
     * returns for the loaded graph, or solves when it returns null.
     */
    void restore(NetworkSource n, DeviceSource dc, Device given, Budget budget, SolveOptions options,
            java.util.function.Function<TrainingGraph, SolveResult> shownFor) {
        load(n, dc, given, loaded -> {
            applying = true;
            try {
                runtimeRatio.set(budget.runtimeRatio());
                paging.set(budget.paging());
                remat.set(budget.remat());
                solver.set(options.solver());
                threads.set(options.threads());
                timeLimit.set(options.timeLimitSeconds());
            } finally {
                applying = false;
            }
            applyLoaded(loaded, budget.ramBytes());
            SolveResult shown = shownFor.apply(loaded.graph());
            if (shown == null) {
                inputsChanged();
                return;
            }
            solves.abandon();
            comparisons.abandon();
            lastRequest = new SolveRequest(loaded.graph(), budget, options);
            userCancelled = false;
            rematOnly.set(null);
            pagingOnly.set(null);
            minimalRamBytes.set(null);
            workingRamBytes.set(null);
            solvePhase = null;
            lowerBound = shown.lowerBoundJ();
            result.set(shown);
            phase.set(Phase.DONE);
            status.set(describe(shown, false));
            record(lastRequest, shown);
            if (shown.hasSchedule() && budget.paging() && budget.remat()) {
                startComparison(lastRequest, true);
            }
        });
    }

    /** Shows a message in the window's notification bar. */
    void post(Notice n) {
        notice.set(n);
    }

    private void applyLoaded(Loaded l, long ramBytes) {
        boolean graphChanged = graph.get() == null || !graphKey(l.graph()).equals(graphKey(graph.get()))
                || !l.device().equals(device.get());
        applying = true;
        try {
            network.set(l.network());
            if (l.network() instanceof NetworkSource.NetworkFile f && !networks.contains(f)) {
                networks.add(f);
                rememberRecent(f.path());
            }
            addDeviceChoice(l.deviceChoice());
            if (l.deviceChoice() instanceof DeviceSource.DeviceFile f) {
                rememberRecent(f.path());
            }
            deviceChoice.set(l.deviceChoice());
            device.set(l.device());
            if (graphChanged) {
                history.clear();
                selectedNode.set(-1);
                result.set(null); // the old schedule belongs to another graph
            }
            graph.set(l.graph());
            plain.set(l.plain());
            plainPeakBytes.set(l.plainPeak());
            ramBudget.set(ramBytes);
        } finally {
            applying = false;
        }
    }

    private void addDeviceChoice(DeviceSource c) {
        if (!devices.contains(c)) {
            devices.add(c);
        }
    }

    private void rememberRecent(Path file) {
        recentFiles.remove(file);
        recentFiles.add(0, file);
        while (recentFiles.size() > 10) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }

    static String graphKey(TrainingGraph g) {
        return g.name() + "@" + g.deviceId() + "#" + g.size();
    }

    private void inputsChanged() {
        if (applying || graph.get() == null) {
            return;
        }
        SolveRequest request;
        try {
            Budget b = new Budget(ramBudget.get(), runtimeRatio.get(), paging.get(), remat.get());
            request = new SolveRequest(graph.get(), b, new SolveOptions(solver.get(), timeLimit.get(), threads.get()));
        } catch (IllegalArgumentException e) {
            notice.set(Notice.error("Budget not usable", e.getMessage()));
            return;
        }
        if (request.equals(lastRequest) && solves.busyProperty().get()) {
            return;
        }
        lastRequest = request;
        userCancelled = false;
        comparisons.abandon();
        rematOnly.set(null);
        pagingOnly.set(null);
        minimalRamBytes.set(null);
        workingRamBytes.set(null);
        solvePhase = null;
        lowerBound = null;
        phase.set(Phase.SOLVING);
        solveStartedNanos.set(System.nanoTime());
        status.set("Solving...");
        solves.submit(request);
    }

    /** Tells the user that a value they typed cannot be used; nothing changes. */
    public void reportInputError(String field, String reason) {
        notice.set(Notice.error("Not applied", field + ": " + reason));
    }

    /** Stops the running solve; its best schedule so far stays on screen. */
    public void cancelSolve() {
        userCancelled = true;
        comparisons.abandon();
        solves.cancel();
        if (!solves.busyProperty().get() && phase.get() == Phase.SOLVING) {
            phase.set(Phase.DONE);
            status.set(describe(result.get(), false));
        }
    }

    /** Solves again with the same inputs. */
    public void resolve() {
        lastRequest = null;
        inputsChanged();
    }

    public void shutdown() {
        solves.shutdown();
        comparisons.shutdown();
    }

    private final class MainListener implements SolveService.Listener {
        @Override
        public void started(SolveRequest request) {
            solveStartedNanos.set(System.nanoTime());
        }

        @Override
        public void incumbent(SolveRequest request, SolveResult r) {
            result.set(r);
            status.set(describe(r, true));
        }

        @Override
        public void progress(SolveRequest request, String phaseName, Double lowerBoundJ) {
            solvePhase = phaseName;
            if (lowerBoundJ != null) {
                lowerBound = lowerBoundJ;
            }
            status.set(describe(result.get() != null && result.get().budget().equals(request.budget())
                    ? result.get() : null, true));
        }

        @Override
        public void finished(SolveRequest request, SolveResult r) {
            result.set(r);
            phase.set(Phase.DONE);
            status.set(describe(r, false));
            if (!userCancelled) {
                record(request, r);
            }
            if (r.status() == SolveStatus.INFEASIBLE) {
                findMinimalRam(request);
            } else if (r.hasSchedule() && request.budget().paging() && request.budget().remat() && !userCancelled) {
                startComparison(request, true);
            }
        }

        @Override
        public void failed(SolveRequest request, Throwable error) {
            phase.set(Phase.FAILED);
            String text = error instanceof OutOfMemoryError
                    ? "out of memory: the problem is too large for the memory Java may use (start it with a larger -Xmx)"
                    : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
            status.set("Solver failed: " + text);
            notice.set(Notice.error("The solver failed", text));
        }
    }

    private void startComparison(SolveRequest request, boolean rematOnlyNext) {
        Budget b = request.budget();
        SolveOptions o = request.options();
        double limit = o.timeLimitSeconds() > 0 ? Math.min(o.timeLimitSeconds(), COMPARISON_LIMIT_S) : COMPARISON_LIMIT_S;
        Budget variant = rematOnlyNext ? b.withPaging(false) : b.withRemat(false);
        comparisons.submit(new SolveRequest(request.graph(), variant, new SolveOptions(o.solver(), limit, o.threads())));
    }

    private final class ComparisonListener implements SolveService.Listener {
        @Override
        public void started(SolveRequest request) {
        }

        @Override
        public void incumbent(SolveRequest request, SolveResult r) {
        }

        @Override
        public void finished(SolveRequest request, SolveResult r) {
            if (!request.budget().paging()) {
                rematOnly.set(r);
                if (lastRequest != null) {
                    startComparison(lastRequest, false);
                }
            } else {
                pagingOnly.set(r);
            }
        }

        @Override
        public void failed(SolveRequest request, Throwable error) {
        }
    }

    private void record(SolveRequest request, SolveResult r) {
        Budget b = request.budget();
        long peak = -1;
        double energy = Double.NaN;
        if (r.hasSchedule()) {
            ScheduleSummary sum = ScheduleSummary.of(r.schedule());
            peak = sum.peakRamBytes();
            energy = sum.energyJ();
        } else if (r.status() != SolveStatus.INFEASIBLE) {
            return;
        }
        SolveRecord rec = new SolveRecord(graphKey(request.graph()), b.ramBytes(), b.runtimeRatio(), b.paging(),
                b.remat(), r.status(), energy, peak, r.solveSeconds());
        history.removeIf(h -> h.sameCurveAs(rec.graphKey(), rec.runtimeRatio(), rec.paging(), rec.remat())
                && h.ramBudgetBytes() == rec.ramBudgetBytes());
        history.add(rec);
    }

    /**
     * After an infeasible solve, finds in the background the least RAM not ruled out by the
     * engine's lower bounds and the least RAM its fast scheduler finds a schedule for.
     */
    private void findMinimalRam(SolveRequest request) {
        TrainingGraph g = request.graph();
        Budget b = request.budget();
        solves.background(() -> new long[] {MinimalRam.provenFloorBytes(g, b.allowance()),
            MinimalRam.achievableBytes(g, b.allowance(), new FastScheduler())}, v -> {
                if (request != lastRequest || solves.busyProperty().get()) {
                    return;
                }
                minimalRamBytes.set(v[0] > b.ramBytes() ? v[0] : null);
                workingRamBytes.set(v[1] > b.ramBytes() ? v[1] : null);
                status.set(describe(result.get(), false));
            }, e -> {
            });
    }

    /** One line for the status bar: what the solve found, or what it is doing. */
    String describe(SolveResult r, boolean stillSolving) {
        return StatusLine.of(r, new StatusLine.Context(stillSolving, !stillSolving && userCancelled, solvePhase,
                lowerBound, minimalRamBytes.get(), workingRamBytes.get()));
    }

    // --- properties ---

    public ObservableList<NetworkSource> networks() {
        return networks;
    }

    public ObservableList<DeviceSource> devices() {
        return devices;
    }

    public ReadOnlyObjectProperty<NetworkSource> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeviceSource> deviceChoiceProperty() {
        return deviceChoice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Device> deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Schedule> plainProperty() {
        return plain.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty plainPeakBytesProperty() {
        return plainPeakBytes.getReadOnlyProperty();
    }

    public LongProperty ramBudgetProperty() {
        return ramBudget;
    }

    public DoubleProperty runtimeRatioProperty() {
        return runtimeRatio;
    }

    public BooleanProperty pagingProperty() {
        return paging;
    }

    public BooleanProperty rematProperty() {
        return remat;
    }

    public StringProperty solverProperty() {
        return solver;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public DoubleProperty timeLimitProperty() {
        return timeLimit;
    }

    public ReadOnlyObjectProperty<SolveResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SolveResult> rematOnlyProperty() {
        return rematOnly.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SolveResult> pagingOnlyProperty() {
        return pagingOnly.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty solveStartedNanosProperty() {
        return solveStartedNanos.getReadOnlyProperty();
    }

    /** After an infeasible solve: no schedule needs less RAM than this (proven), or null while unknown. */
    public ReadOnlyObjectProperty<Long> minimalRamBytesProperty() {
        return minimalRamBytes.getReadOnlyProperty();
    }

    /** After an infeasible solve: a RAM budget known to work with the other budgets, or null. */
    public ReadOnlyObjectProperty<Long> workingRamBytesProperty() {
        return workingRamBytes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while a solve is asked for or running. */
    public ReadOnlyBooleanProperty solvingProperty() {
        return solves.busyProperty();
    }

    /** Solver calls still running in the background (a cancelled one counts until it returns). */
    public ReadOnlyIntegerProperty runningSolvesProperty() {
        return solves.runningSolvesProperty();
    }

    public ObservableList<SolveRecord> history() {
        return history;
    }

    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Counts loads that failed (and changed nothing), so pickers can show the loaded choice again. */
    public ReadOnlyIntegerProperty loadFailuresProperty() {
        return loadFailures.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    List<String> solverNames() {
        return new ArrayList<>(Backends.names());
    }
}
