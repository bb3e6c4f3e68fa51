package org.poetexplorer.app.viewmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.app.tasks.SolveRequest;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.LoadedNetwork;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.backends.Backends;

/**
 * What the user chooses: the network and device (from the pickers or files, loaded in the
 * background), the budgets, the switches and the advanced solver and import choices. Views
 * write the input properties (budgets, switches, solver settings) and call the commands for the
 * rest; every change of the inputs is handed to the solving side as one {@link SolveRequest}.
 */
public final class InputsViewModel {
    public static final String DEFAULT_NETWORK = "resnet18_cifar";
    public static final String DEFAULT_DEVICE = "a72";
    public static final double DEFAULT_RAM_FRACTION = 0.6;
    public static final double DEFAULT_RUNTIME_RATIO = 1.5;
    public static final double MIN_RUNTIME_RATIO = 1.0;
    public static final double MAX_RUNTIME_RATIO = 10.0;
    public static final double DEFAULT_TIME_LIMIT_S = 60;
    /**
     * The exact search stops once the schedule is within 0.1 % of the proven bound (shown as
     * FEASIBLE with its gap): closing the last fraction of a per cent can take minutes.
     */
    public static final double DEFAULT_GAP_TOLERANCE = 0.001;

    private final ObservableList<NetworkSource> networks = FXCollections.observableArrayList();
    private final ObservableList<DeviceSource> devices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NetworkSource> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ReadOnlyObjectWrapper<DeviceSource> deviceChoice = new ReadOnlyObjectWrapper<>(this, "deviceChoice");
    private final ReadOnlyObjectWrapper<Device> device = new ReadOnlyObjectWrapper<>(this, "device");
    private final ReadOnlyObjectWrapper<TrainingGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<ScheduleSummary> plainSummary = new ReadOnlyObjectWrapper<>(this,
            "plainSummary");
    private final ReadOnlyLongWrapper plainPeakBytes = new ReadOnlyLongWrapper(this, "plainPeakBytes");
    private final ReadOnlyObjectWrapper<ImportOptions> onnxImport = new ReadOnlyObjectWrapper<>(this, "onnxImport",
            ImportOptions.DEFAULT);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper deviceEdited = new ReadOnlyBooleanWrapper(this, "deviceEdited");
    private final ReadOnlyIntegerWrapper loadFailures = new ReadOnlyIntegerWrapper(this, "loadFailures");

    private final LongProperty ramBudget = new SimpleLongProperty(this, "ramBudget", 1);
    private final DoubleProperty runtimeRatio = new SimpleDoubleProperty(this, "runtimeRatio", DEFAULT_RUNTIME_RATIO);
    private final BooleanProperty paging = new SimpleBooleanProperty(this, "paging", true);
    private final BooleanProperty remat = new SimpleBooleanProperty(this, "remat", true);
    private final BooleanProperty transfersTakeTime = new SimpleBooleanProperty(this, "transfersTakeTime", false);
    private final StringProperty solver = new SimpleStringProperty(this, "solver", Backends.DEFAULT);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads",
            Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final DoubleProperty timeLimit = new SimpleDoubleProperty(this, "timeLimit", DEFAULT_TIME_LIMIT_S);
    private final DoubleProperty gapTolerance = new SimpleDoubleProperty(this, "gapTolerance", DEFAULT_GAP_TOLERANCE);

    private final BackgroundTasks tasks;
    private final Notices notices;
    private final RecentFiles recent;
    private final SolvingViewModel solving;
    private long loadGeneration;
    private boolean applying;

    InputsViewModel(BackgroundTasks tasks, Notices notices, RecentFiles recent, SolvingViewModel solving) {
        this.tasks = tasks;
        this.notices = notices;
        this.recent = recent;
        this.solving = solving;
        for (String n : Catalog.names()) {
            networks.add(new NetworkSource.CatalogNetwork(n));
        }
        for (String id : DeviceFiles.builtInIds()) {
            devices.add(new DeviceSource.BuiltInDevice(id));
        }
        for (ObservableValue<?> input : List.of(ramBudget, runtimeRatio, paging, remat, transfersTakeTime, solver,
                threads, timeLimit, gapTolerance)) {
            input.addListener((o, a, b) -> inputsChanged());
        }
    }

    /**
     * Adds the profile files of {@code folder} (if it exists) to the device picker, except those
     * that are the built-in profiles under their own name. Lists and reads them in the
     * background; a profile that cannot be read is left out and named in a notice.
     */
    public void addSampleProfiles(Path folder) {
        record Listed(List<DeviceSource> usable, List<String> problems) {
        }
        tasks.run("sample profiles", () -> {
            List<DeviceSource> usable = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        if (DeviceFiles.builtInIds().contains(p.getFileName().toString().replace(".json", ""))) {
                            continue;
                        }
                        DeviceSource d = new DeviceSource.DeviceFile(p.toAbsolutePath());
                        try {
                            d.load();
                            usable.add(d);
                        } catch (InputException | RuntimeException e) {
                            problems.add(Notice.reason(e));
                        }
                    }
                }
            }
            return new Listed(usable, problems);
        }, BackgroundTasks.Outcome.of(listed -> {
            listed.usable().forEach(this::addDeviceChoice);
            if (!listed.problems().isEmpty()) {
                notices.post(Notice.error("Sample profiles left out of the device list",
                        String.join("; ", listed.problems())));
            }
        }, error -> notices.post(Notice.error("Could not list the sample profiles in " + folder,
                Notice.reason(error)))));
    }

    /** Loads the default network and device and solves at the default budgets. */
    public void loadDefaults() {
        load(new NetworkSource.CatalogNetwork(DEFAULT_NETWORK), new DeviceSource.BuiltInDevice(DEFAULT_DEVICE), null,
                DEFAULT_RAM_FRACTION);
    }

    /**
     * Everything as on a first run: the default network and device at the default budgets,
     * both tricks on, the default solver settings and import choices; then solves.
     */
    public void resetToDefaults() {
        applying = true;
        try {
            runtimeRatio.set(DEFAULT_RUNTIME_RATIO);
            paging.set(true);
            remat.set(true);
            transfersTakeTime.set(false);
            solver.set(Backends.DEFAULT);
            threads.set(Math.max(1, Runtime.getRuntime().availableProcessors()));
            timeLimit.set(DEFAULT_TIME_LIMIT_S);
            gapTolerance.set(DEFAULT_GAP_TOLERANCE);
            onnxImport.set(ImportOptions.DEFAULT);
        } finally {
            applying = false;
        }
        loadDefaults();
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

    public void selectDevice(DeviceSource choice) {
        if (choice != null && !choice.equals(deviceChoice.get())) {
            load(network.get(), choice, null, currentRamFraction());
        }
    }

    public void openDevice(Path file) {
        load(network.get(), new DeviceSource.DeviceFile(file.toAbsolutePath()), null, currentRamFraction());
    }

    /** A recent file: a device profile when the device picker knows it as one, otherwise a network. */
    public void openRecent(Path file) {
        if (devices.contains(new DeviceSource.DeviceFile(file))) {
            openDevice(file);
        } else {
            openNetwork(file);
        }
    }

    /** Uses an edited device profile (from the property sheet) and re-solves. */
    public void applyDevice(Device edited) {
        load(network.get(), deviceChoice.get(), edited, currentRamFraction());
    }

    /** Goes back to the device profile as it was loaded, dropping the edits. */
    public void resetDevice() {
        if (deviceEdited.get()) {
            load(network.get(), deviceChoice.get(), null, currentRamFraction());
        }
    }

    /**
     * Saves the device as edited as a profile file named after {@code file}, in the background,
     * then uses that profile (it is added to the device picker). A failed save changes nothing.
     */
    public Task<Path> saveDeviceProfile(Path file) {
        Device d = device.get();
        if (d == null) {
            return null;
        }
        String id = file.getFileName().toString().replaceFirst("\\.json$", "");
        return tasks.run("save device profile", () -> {
            DeviceFiles.write(d.withId(id), file);
            return file;
        }, BackgroundTasks.Outcome.of(saved -> {
            notices.post(Notice.info("Device profile saved", saved.toAbsolutePath().toString()));
            openDevice(saved);
        }, error -> notices.post(Notice.error("Could not save the device profile (nothing was changed)",
                Notice.reason(error)))));
    }

    private double currentRamFraction() {
        long peak = plainPeakBytes.get();
        return peak > 0 ? (double) ramBudget.get() / peak : DEFAULT_RAM_FRACTION;
    }

    /**
     * The RAM budget carried to another network or device: the same share of its plain peak,
     * but never below the least RAM any schedule of it needs (the largest working set).
     */
    static long carriedRamBytes(TrainingGraph g, long plainPeak, double ramFraction) {
        return Math.max(Plans.workingSetFloorBytes(g), Plans.shareOfPlainPeakBytes(plainPeak, ramFraction));
    }

    private record Loaded(NetworkSource network, DeviceSource deviceChoice, Device device, boolean deviceEdited,
            TrainingGraph graph, ScheduleSummary plainSummary, long plainPeak, List<String> warnings,
            SolveResult saved) {
    }

    private void load(NetworkSource n, DeviceSource dc, Device given, double ramFraction) {
        load(n, dc, given, loaded -> {
            applyLoaded(loaded, carriedRamBytes(loaded.graph(), loaded.plainPeak(), ramFraction));
            inputsChanged();
        });
    }

    private void load(NetworkSource n, DeviceSource dc, Device given, Consumer<Loaded> then) {
        load(n, dc, given, g -> null, then);
    }

    /** Loads in the background, where {@code savedOn} also works out a saved schedule on the loaded graph. */
    private void load(NetworkSource n, DeviceSource dc, Device given, Function<TrainingGraph, SolveResult> savedOn,
            Consumer<Loaded> then) {
        if (n == null || dc == null) {
            return;
        }
        long gen = ++loadGeneration;
        ImportOptions onnxChoices = onnxImport.get();
        loading.set(true);
        solving.loading("Loading " + named(n) + " on " + named(dc) + "...");
        tasks.run("load " + n, () -> {
            Device d = given != null ? given : dc.load();
            boolean edited = given != null && !given.equals(asLoaded(dc));
            LoadedNetwork loaded = n.loadWithWarnings(d, onnxChoices);
            TrainingGraph g = loaded.graph();
            return new Loaded(n, dc, d, edited, g, ScheduleSummary.of(Plans.plainSchedule(g)), Plans.plainPeakBytes(g),
                    loaded.warnings(), savedOn.apply(g));
        }, BackgroundTasks.Outcome.of(loaded -> {
            if (gen == loadGeneration) {
                loading.set(false);
                then.accept(loaded);
                if (!loaded.warnings().isEmpty()) {
                    notices.post(Notice.info("Imported " + named(n), String.join(" ", loaded.warnings())));
                }
            }
        }, error -> {
            if (gen == loadGeneration) {
                loading.set(false);
                reportLoadError(n, dc, error);
                loadFailures.set(loadFailures.get() + 1);
                solving.loadFailed(graph.get() == null);
            }
        }));
    }

    /** The profile {@code dc} stands for as it is on disk or built in; null when it cannot be read. */
    private static Device asLoaded(DeviceSource dc) {
        try {
            return dc.load();
        } catch (InputException | RuntimeException e) {
            return null;
        }
    }

    private void reportLoadError(NetworkSource n, DeviceSource dc, Throwable error) {
        notices.post(Notice.error("Could not load " + named(n) + " on " + named(dc) + " (nothing was changed)",
                Notice.reason(error)));
    }

    /** How a message names the network: its catalog name or its file's name (without the picker's "(file)"). */
    private static String named(NetworkSource n) {
        return n instanceof NetworkSource.NetworkFile f ? String.valueOf(f.path().getFileName()) : n.toString();
    }

    /** How a message names the device: its built-in id or its profile file's name. */
    private static String named(DeviceSource dc) {
        return dc instanceof DeviceSource.DeviceFile f ? String.valueOf(f.path().getFileName()) : dc.toString();
    }

    /**
     * Opens saved inputs (a session): loads the network and device, then sets the budgets,
     * switches and solver settings exactly as given and shows the schedule {@code shownFor}
     * returns for the loaded graph, or solves when it returns null ({@code ifNotShown} runs then).
     * {@code shownFor} runs in the background with the loading (it replays a whole schedule).
     */
    void restore(NetworkSource n, DeviceSource dc, Device given, Budget budget, SolveOptions options,
            Function<TrainingGraph, SolveResult> shownFor, Runnable ifNotShown) {
        restore(n, dc, given, budget, options, shownFor, ifNotShown, false);
    }

    /**
     * As {@link #restore(NetworkSource, DeviceSource, Device, Budget, SolveOptions, Function)};
     * with {@code carryRamShare}, the RAM budget is the current one's share of the plain peak
     * carried to the loaded network instead of the saved bytes (the saved network is not the one
     * loaded).
     */
    void restore(NetworkSource n, DeviceSource dc, Device given, Budget budget, SolveOptions options,
            Function<TrainingGraph, SolveResult> shownFor, Runnable ifNotShown, boolean carryRamShare) {
        double share = currentRamFraction();
        load(n, dc, given, carryRamShare ? g -> null : shownFor, loaded -> {
            applying = true;
            try {
                runtimeRatio.set(budget.runtimeRatio());
                paging.set(budget.paging());
                remat.set(budget.remat());
                transfersTakeTime.set(budget.transfersTakeTime());
                solver.set(options.solver());
                threads.set(options.threads());
                timeLimit.set(options.timeLimitSeconds());
            } finally {
                applying = false;
            }
            long ram = carryRamShare ? carriedRamBytes(loaded.graph(), loaded.plainPeak(), share) : budget.ramBytes();
            applyLoaded(loaded, ram);
            SolveResult shown = loaded.saved();
            if (shown == null) {
                ifNotShown.run();
                inputsChanged();
            } else {
                solving.show(new SolveRequest(loaded.graph(), budget, options), shown);
            }
        });
    }

    private void applyLoaded(Loaded l, long ramBytes) {
        boolean graphChanged = graph.get() == null
                || !SolveRecord.keyOf(l.graph()).equals(SolveRecord.keyOf(graph.get()))
                || !l.device().equals(device.get());
        applying = true;
        try {
            // listed before it is chosen, so the picker shows the file's name
            if (l.network() instanceof NetworkSource.NetworkFile f && !networks.contains(f)) {
                networks.add(f);
                recent.remember(f.path());
            }
            network.set(l.network());
            addDeviceChoice(l.deviceChoice());
            if (l.deviceChoice() instanceof DeviceSource.DeviceFile f) {
                recent.remember(f.path());
            }
            deviceChoice.set(l.deviceChoice());
            deviceEdited.set(l.deviceEdited());
            device.set(l.device());
            if (graphChanged) {
                solving.newGraph();
            }
            // the graph's figures first: a listener to the graph reads them, and is the one told of a load
            plainSummary.set(l.plainSummary());
            plainPeakBytes.set(l.plainPeak());
            graph.set(l.graph());
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

    private void inputsChanged() {
        if (applying || graph.get() == null) {
            return;
        }
        SolveRequest request = request();
        if (request != null) {
            solving.solve(request);
        }
    }

    /** The inputs as one solve request; null (and a notice saying why) when they make no usable budget. */
    SolveRequest request() {
        if (graph.get() == null) {
            return null;
        }
        try {
            Budget b = new Budget(ramBudget.get(), allowance());
            return new SolveRequest(graph.get(), b, new SolveOptions(solver.get(), timeLimit.get(), threads.get(),
                    gapTolerance.get()));
        } catch (IllegalArgumentException e) {
            notices.post(Notice.error("Budget not usable", e.getMessage()));
            return null;
        }
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

    /** True while the device is a loaded profile edited in the app (not as loaded), false once reset or saved. */
    public ReadOnlyBooleanProperty deviceEditedProperty() {
        return deviceEdited.getReadOnlyProperty();
    }

    /**
     * The loaded graph. It changes once per load, after {@link #plainPeakBytesProperty} and
     * {@link #plainSummaryProperty} hold its figures, so a view of the graph's figures listens
     * to this alone.
     */
    public ReadOnlyObjectProperty<TrainingGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    /** The plain schedule's summary (its energy by kind and its peak), made in the background with the load. */
    public ReadOnlyObjectProperty<ScheduleSummary> plainSummaryProperty() {
        return plainSummary.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty plainPeakBytesProperty() {
        return plainPeakBytes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportOptions> onnxImportProperty() {
        return onnxImport.getReadOnlyProperty();
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

    /** Whether page transfers count against the runtime budget (a stricter device model; off by default). */
    public BooleanProperty transfersTakeTimeProperty() {
        return transfersTakeTime;
    }

    /** The runtime budget and the switches as they stand. */
    public Allowance allowance() {
        return new Allowance(runtimeRatio.get(), paging.get(), remat.get(), transfersTakeTime.get());
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

    /** The relative gap at which the exact search stops (0: until optimality is proven). */
    public DoubleProperty gapToleranceProperty() {
        return gapTolerance;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Counts loads that failed (and changed nothing), so pickers can show the loaded choice again. */
    public ReadOnlyIntegerProperty loadFailuresProperty() {
        return loadFailures.getReadOnlyProperty();
    }

    public List<String> solverNames() {
        return new ArrayList<>(Backends.names());
    }
}
