package org.poetexplorer.app.viewmodel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.concurrent.Task;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.io.Session;
import org.poetexplorer.io.SessionFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;

/**
 * Saves and opens sessions (network, device, budgets, switches, solver settings and the last
 * schedule, one JSON file), in the background. The last session saved or opened is remembered
 * in {@link AppSettings} and reopened on start. A session whose network or device file has
 * moved says which and keeps what is on screen for it (the defaults when nothing is), opening
 * the rest; a file that is not a session changes nothing; a saved schedule that no longer
 * replays on the loaded network is solved again.
 */
public final class Sessions {
    private final BackgroundTasks tasks;
    private final Notices notices;
    private final InputsViewModel inputs;
    private final SolvingViewModel solving;
    private final AppSettings settings;

    Sessions(BackgroundTasks tasks, Notices notices, InputsViewModel inputs, SolvingViewModel solving,
            AppSettings settings) {
        this.tasks = tasks;
        this.notices = notices;
        this.inputs = inputs;
        this.solving = solving;
        this.settings = settings;
    }

    /** On start: the last session if there is one, otherwise the defaults. */
    public void openLastOrDefaults() {
        if (settings.lastSession == null || settings.lastSession.isBlank()) {
            inputs.loadDefaults();
            return;
        }
        open(Path.of(settings.lastSession));
    }

    /** File > New: the defaults, as on a first run; the next start opens them too (no last session). */
    public void newSession() {
        settings.lastSession = null;
        saveSettings();
        inputs.resetToDefaults();
    }

    /** Saves what is on screen now. Returns the background task (null when nothing is loaded). */
    public Task<Path> save(Path file) {
        NetworkSource n = inputs.networkProperty().get();
        DeviceSource d = inputs.deviceChoiceProperty().get();
        Device device = inputs.deviceProperty().get();
        if (n == null || d == null || device == null) {
            notices.post(Notice.error("Nothing to save yet", "Wait until a network is loaded."));
            return null;
        }
        Budget budget = new Budget(inputs.ramBudgetProperty().get(), inputs.allowance());
        String solver = inputs.solverProperty().get();
        double timeLimit = inputs.timeLimitProperty().get();
        int threads = inputs.threadsProperty().get();
        SolveResult r = solving.resultProperty().get();
        ScheduleFile last = r != null && r.hasSchedule()
                ? new ScheduleFile(r.graph(), r.budget(), r.solver(), r.status(), r.gap(), Double.NaN, r.schedule())
                : null;
        return tasks.run("save session", () -> {
            Device edited = device.equals(asLoaded(d)) ? null : device;
            SessionFiles.write(file, new Session(n, d, edited, budget, solver, timeLimit, threads, last,
                    last == null ? 0 : r.solveSeconds()));
            return file;
        }, BackgroundTasks.Outcome.of(saved -> {
            remember(file);
            notices.post(Notice.info("Session saved", file.toAbsolutePath().toString()));
        }, error -> notices.post(Notice.error("Could not save the session (nothing was changed)",
                Notice.reason(error)))));
    }

    /** The device profile a picker entry stands for, as it is on disk or built in. */
    private static Device asLoaded(DeviceSource d) {
        try {
            return d.load();
        } catch (InputException e) {
            return null;
        }
    }

    /** Opens a session file: reads it in the background, then loads what it names. */
    public Task<Session> open(Path file) {
        return tasks.run("open session", () -> SessionFiles.read(file), BackgroundTasks.Outcome.of(
                s -> apply(file, s), error -> {
                    boolean working = inputs.graphProperty().get() != null;
                    notices.post(Notice.error("Could not open the session " + file.getFileName()
                            + (working ? " (nothing was changed)" : " (opened the defaults)"),
                            Notice.reason(error)));
                    if (!working) {
                        inputs.loadDefaults();
                    }
                }));
    }

    private void apply(Path file, Session s) {
        remember(file);
        SolveOptions options = new SolveOptions(s.solver(), s.timeLimitS(), s.threads(),
                inputs.gapToleranceProperty().get());
        List<Path> missing = s.missingFiles();
        if (missing.isEmpty()) {
            boolean hasSaved = savedFor(s) != null;
            inputs.restore(s.network(), s.device(), s.editedDevice(), s.budget(), options, g -> shown(s, g), () -> {
                if (hasSaved) {
                    notices.post(Notice.info("Solving again", "The saved schedule no longer fits the network or "
                            + "device as they are now."));
                }
            });
            return;
        }
        // what has moved is replaced by what is on screen now (the defaults when nothing is), the rest opens
        boolean networkMoved = s.network() instanceof NetworkSource.NetworkFile f && missing.contains(f.path());
        boolean deviceMoved = s.device() instanceof DeviceSource.DeviceFile f && missing.contains(f.path());
        NetworkSource network = networkMoved ? current(inputs.networkProperty().get(),
                new NetworkSource.CatalogNetwork(InputsViewModel.DEFAULT_NETWORK)) : s.network();
        DeviceSource device = deviceMoved ? current(inputs.deviceChoiceProperty().get(),
                new DeviceSource.BuiltInDevice(InputsViewModel.DEFAULT_DEVICE)) : s.device();
        Device given = deviceMoved ? inputs.deviceProperty().get() : s.editedDevice();
        List<String> kept = new ArrayList<>();
        if (networkMoved) {
            kept.add("the network " + network);
        }
        if (deviceMoved) {
            kept.add("the device " + device);
        }
        notices.post(Notice.error("Session " + file.getFileName() + ": files have moved (kept " + String.join(" and ",
                kept) + ")", missing.stream().map(p -> p + " is not there any more").collect(Collectors.joining("; "))
                + ". The session's other settings are open."));
        inputs.restore(network, device, given, s.budget(), options, g -> null, () -> { }, networkMoved);
    }

    /** The session's saved schedule when it was solved for the session's budget, else null. */
    private static ScheduleFile savedFor(Session s) {
        ScheduleFile f = s.schedule();
        return f != null && f.budget().equals(s.budget()) ? f : null;
    }

    private static <T> T current(T shown, T otherwise) {
        return shown != null ? shown : otherwise;
    }

    /**
     * The saved schedule on the freshly loaded graph, if it still replays there (same budget,
     * same costs); null means: solve again. Runs in the background (a whole replay).
     */
    private SolveResult shown(Session s, TrainingGraph g) {
        ScheduleFile f = savedFor(s);
        if (f == null) {
            return null;
        }
        Schedule on = f.scheduleOn(g);
        double energy = on.ops().stream().mapToDouble(o -> o.energyJ()).sum();
        if (!ReplayChecker.check(on, energy).valid()) {
            return null;
        }
        return new SolveResult(g, f.budget(), f.solver(), f.status(), null, on, null, f.gap(), s.solveSeconds(),
                "opened from a session");
    }

    private void remember(Path file) {
        settings.lastSession = file.toAbsolutePath().toString();
        saveSettings();
    }

    private void saveSettings() {
        try {
            settings.save();
        } catch (IOException e) {
            System.err.println("POET Explorer: could not save settings to " + AppSettings.file() + ": " + e.getMessage());
        }
    }

    /** The folder of the last session saved or opened, where a file chooser starts; null when there is none. */
    public File folder() {
        if (settings.lastSession == null) {
            return null;
        }
        Path parent = Path.of(settings.lastSession).toAbsolutePath().getParent();
        return parent != null && parent.toFile().isDirectory() ? parent.toFile() : null;
    }
}
