package org.poetexplorer.app;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.poetexplorer.solver.SolveResult;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One real app window per test class, headless on Monocle, with the real engine; and the
 * waits the tests share.
 */
abstract class AppWindowTest {
    static {
        // Monocle's headless screen is 1280x800 unless told otherwise; the window is larger.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    static PoetExplorerApp app;
    static Stage stage;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = new PoetExplorerApp();
        FxToolkit.setupApplication(() -> app);
        stage = (Stage) app.view().getScene().getWindow();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    static ExplorerViewModel vm() {
        return app.viewModel();
    }

    /** Runs {@code r} on the FX thread and waits for the events it caused. */
    static void fx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until nothing is loading or solving (and no solver call is left running), then returns the result. */
    static SolveResult awaitSettled(int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> vm().graphProperty().get() != null && !vm().solvingProperty().get()
                        && vm().phaseProperty().get() != ExplorerViewModel.Phase.LOADING
                        && vm().runningSolvesProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        return vm().resultProperty().get();
    }
}
