package org.poetexplorer.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.SolvingViewModel;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.Session;
import org.poetexplorer.io.SessionFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.backends.Backends;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real app window for each test, headless on Monocle, with the real engine; and the waits
 * the tests share. Every test starts its own app with a settings folder of its own, so what
 * one test saved (settings, the last session) is never seen by another, and a test gives the
 * same result alone as in its class. A test starts the app as a user would find it: on a
 * first run ({@link #launch()}), or reopening the session they last used
 * ({@link #launch(Session)}), which is how a test picks a small network and a short time limit.
 */
abstract class AppWindowTest {
    private static final String SETTINGS_DIR = "poet.settings.dir";

    /** This test's settings folder (where the app keeps settings.json and remembers the last session). */
    @TempDir
    Path settingsDir;
    PoetExplorerApp app;
    Stage stage;
    final FxRobot robot = new FxRobot();
    private String settingsBefore;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void settingsOfThisTestAlone() {
        settingsBefore = System.getProperty(SETTINGS_DIR);
        System.setProperty(SETTINGS_DIR, settingsDir.toString());
    }

    /** Starts the app as on a first run: no settings, no session, so the default network on the default device. */
    void launch() throws Exception {
        launch(null);
    }

    /** Starts the app as a user whose last session is {@code last}: the app reopens it on start. */
    void launch(Session last) throws Exception {
        launch(last, new AppSettings());
    }

    /** Starts the app as a user whose saved settings are {@code settings} and whose last session is {@code last}. */
    void launch(Session last, AppSettings settings) throws Exception {
        if (last != null) {
            Path file = settingsDir.resolve("last-session.json");
            SessionFiles.write(file, last);
            settings.lastSession = file.toString();
        }
        settings.save();
        app = new PoetExplorerApp();
        FxToolkit.setupApplication(() -> app);
        stage = (Stage) app.view().getScene().getWindow();
        // the window's parts come into the scene over its first pulses
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.view().assembled());
    }

    /**
     * A session on a catalog network and a built-in device, without a schedule (the app solves
     * it on start), with one solver thread and the given time limit.
     */
    static Session session(String network, String device, Budget budget, double timeLimitS) {
        return new Session(new NetworkSource.CatalogNetwork(network), new DeviceSource.BuiltInDevice(device), null, budget,
                Backends.DEFAULT, timeLimitS, 1, null, 0);
    }

    /** The plain schedule's peak RAM of a catalog network on a built-in device: a budget it fits in. */
    static long plainPeak(String network, String device) throws InputException {
        return Plans.plainPeakBytes(Catalog.build(network, DeviceFiles.builtIn(device)));
    }

    /**
     * Starts on {@code network} and {@code device} at their plain peak and 1.5x (the plain
     * schedule fits, so it is proven optimal at once) with a 1 s solver time limit for what the
     * test does next, and waits until that is on screen.
     */
    void launchSolved(String network, String device) throws Exception {
        launch(session(network, device, new Budget(plainPeak(network, device), 1.5, true, true), 1));
        awaitSettled(60);
    }

    @AfterEach
    void closeTheApp() throws Exception {
        try {
            if (app != null) {
                ExplorerViewModel vm = app.viewModel();
                FxToolkit.cleanupApplication(app); // stop(): cancels every solve
                FxToolkit.hideStage();
                // no solver thread of this test may run on into the next one
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.solving().runningSolvesProperty().get() == 0);
            }
        } finally {
            if (settingsBefore == null) {
                System.clearProperty(SETTINGS_DIR);
            } else {
                System.setProperty(SETTINGS_DIR, settingsBefore);
            }
        }
    }

    ExplorerViewModel vm() {
        return app.viewModel();
    }

    /** Runs {@code r} on the FX thread and waits for the events it caused. */
    static void fx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until nothing is loading or solving (and no solver call is left running), then returns the result. */
    SolveResult awaitSettled(int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> vm().inputs().graphProperty().get() != null && !vm().solving().solvingProperty().get()
                        && vm().solving().phaseProperty().get() != SolvingViewModel.Phase.LOADING
                        && vm().solving().runningSolvesProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        return vm().solving().resultProperty().get();
    }

    /** Waits until the notification bar shows a message and has finished sliding in (for a screenshot). */
    void awaitNotification(int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> app.view().notifications().isShowing()
                && app.view().lookup(".notification-bar") instanceof impl.org.controlsfx.skin.NotificationBar bar
                && bar.transition.get() >= 1.0);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
