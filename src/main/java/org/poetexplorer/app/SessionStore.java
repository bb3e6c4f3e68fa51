package org.poetexplorer.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import javafx.stage.Window;
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
 * moved says which and opens the defaults instead; a saved schedule that no longer replays on
 * the loaded network is solved again.
 */
final class SessionStore {
    private final ExplorerViewModel vm;
    private final AppSettings settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poet-session");
        t.setDaemon(true);
        return t;
    });

    SessionStore(ExplorerViewModel vm, AppSettings settings) {
        this.vm = vm;
        this.settings = settings;
    }

    /** On start: the last session if there is one, otherwise the defaults. */
    void openLastOrDefaults() {
        if (settings.lastSession == null || settings.lastSession.isBlank()) {
            vm.loadDefaults();
            return;
        }
        open(Path.of(settings.lastSession));
    }

    /** Saves what is on screen now. Returns the background task (null when nothing is loaded). */
    Task<Path> save(Path file) {
        NetworkSource n = vm.networkProperty().get();
        DeviceSource d = vm.deviceChoiceProperty().get();
        Device device = vm.deviceProperty().get();
        if (n == null || d == null || device == null) {
            vm.post(Notice.error("Nothing to save yet", "Wait until a network is loaded."));
            return null;
        }
        Budget budget = new Budget(vm.ramBudgetProperty().get(), vm.runtimeRatioProperty().get(),
                vm.pagingProperty().get(), vm.rematProperty().get());
        String solver = vm.solverProperty().get();
        double timeLimit = vm.timeLimitProperty().get();
        int threads = vm.threadsProperty().get();
        SolveResult r = vm.resultProperty().get();
        ScheduleFile last = r != null && r.hasSchedule()
                ? new ScheduleFile(r.graph(), r.budget(), r.solver(), r.status(), r.gap(), Double.NaN, r.schedule())
                : null;
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                Device edited = device.equals(asLoaded(d)) ? null : device;
                SessionFiles.write(file, new Session(n, d, edited, budget, solver, timeLimit, threads, last,
                        last == null ? 0 : r.solveSeconds()));
                return file;
            }
        };
        task.setOnSucceeded(e -> {
            remember(file);
            vm.post(Notice.info("Session saved", file.toAbsolutePath().toString()));
        });
        task.setOnFailed(e -> vm.post(Notice.error("Could not save the session (nothing was changed)",
                message(task.getException()))));
        worker.execute(task);
        return task;
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
    Task<Session> open(Path file) {
        Task<Session> task = new Task<>() {
            @Override
            protected Session call() throws Exception {
                return SessionFiles.read(file);
            }
        };
        task.setOnSucceeded(e -> apply(file, task.getValue()));
        task.setOnFailed(e -> {
            boolean working = vm.graphProperty().get() != null;
            vm.post(Notice.error("Could not open the session " + file.getFileName()
                    + (working ? " (nothing was changed)" : " (opened the defaults)"), message(task.getException())));
            if (!working) {
                vm.loadDefaults();
            }
        });
        worker.execute(task);
        return task;
    }

    private void apply(Path file, Session s) {
        remember(file);
        List<Path> missing = s.missingFiles();
        if (!missing.isEmpty()) {
            vm.post(Notice.error("Session " + file.getFileName() + ": files have moved (opened the defaults)",
                    missing.stream().map(p -> p + " is not there any more").collect(Collectors.joining("; "))));
            vm.loadDefaults();
            return;
        }
        SolveOptions options = new SolveOptions(s.solver(), s.timeLimitS(), s.threads());
        vm.restore(s.network(), s.device(), s.editedDevice(), s.budget(), options, g -> shown(s, g));
    }

    /**
     * The saved schedule on the freshly loaded graph, if it still replays there (same budget,
     * same costs); null means: solve again.
     */
    private SolveResult shown(Session s, TrainingGraph g) {
        ScheduleFile f = s.schedule();
        if (f == null || !f.budget().equals(s.budget())) {
            return null;
        }
        Schedule on = f.scheduleOn(g);
        double energy = on.ops().stream().mapToDouble(o -> o.energyJ()).sum();
        if (!ReplayChecker.check(on, energy).valid()) {
            vm.post(Notice.info("Solving again", "The saved schedule no longer fits the network or device as they "
                    + "are now."));
            return null;
        }
        return new SolveResult(g, f.budget(), f.solver(), f.status(), null, on, null, f.gap(), s.solveSeconds(),
                "opened from a session");
    }

    private void remember(Path file) {
        settings.lastSession = file.toAbsolutePath().toString();
        try {
            settings.save();
        } catch (IOException e) {
            System.err.println("POET Explorer: could not save settings to " + AppSettings.file() + ": " + e.getMessage());
        }
    }

    private static String message(Throwable t) {
        return Notice.reason(t);
    }

    void chooseAndSave(Supplier<Window> owner) {
        File f = chooser("Save session").showSaveDialog(owner.get());
        if (f != null) {
            save(f.toPath());
        }
    }

    void chooseAndOpen(Supplier<Window> owner) {
        File f = chooser("Open session").showOpenDialog(owner.get());
        if (f != null) {
            open(f.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sessions (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        fc.setInitialFileName("session.json");
        if (settings.lastSession != null) {
            File dir = Path.of(settings.lastSession).toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) {
                fc.setInitialDirectory(dir);
            }
        }
        return fc;
    }

    void shutdown() {
        worker.shutdown();
    }
}
