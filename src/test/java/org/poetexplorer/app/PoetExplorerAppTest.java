package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poetexplorer.milp.SolveResult;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop app end to end, headless (Monocle), with the real engine. */
class PoetExplorerAppTest extends FxRobot {
    static {
        // Monocle's headless screen is 1280x800 unless told otherwise; the window is larger.
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private PoetExplorerApp app;
    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = new PoetExplorerApp();
        FxToolkit.setupApplication(() -> app);
        stage = (Stage) app.view().getScene().getWindow();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    private ExplorerViewModel vm() {
        return app.viewModel();
    }

    private SolveResult awaitSettled(int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                () -> vm().graphProperty().get() != null && !vm().solvingProperty().get()
                        && vm().phaseProperty().get() != ExplorerViewModel.Phase.LOADING);
        WaitForAsyncUtils.waitForFxEvents();
        return vm().resultProperty().get();
    }

    @Test
    void opensWithTheDefaultNetworkSolved() throws Exception {
        SolveResult r = awaitSettled(60);
        Screenshots.save(stage.getScene(), "01-default");
        assertTrue(stage.getTitle().contains("POET Explorer"));
        assertEquals("resnet18_cifar", vm().graphProperty().get().name());
        assertNotNull(r);
        assertTrue(r.hasSchedule(), () -> "status: " + vm().statusProperty().get());
    }
}
