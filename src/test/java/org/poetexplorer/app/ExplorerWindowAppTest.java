package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.InputsViewModel;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a user meets it: where it opens, what the status bar says of time, the view
 * after another network or budget, the slider keys, File > New and the Help menu.
 */
class ExplorerWindowAppTest extends AppWindowTest {

    private String shownStatus() {
        return ((Label) app.view().lookup("#statusBadge")).getText() + " "
                + ((Label) app.view().lookup("#statusText")).getText();
    }

    @Test
    void theStatusSaysComputeTimeAgainstTheRuntimeBudgetAndItsStatusOnceAndHelpListsTheShortcuts() throws Exception {
        launchSolved("linear", "a72");
        SolveResult r = vm().solving().resultProperty().get();
        assertEquals(SolveStatus.OPTIMAL, r.status());
        String status = shownStatus();
        ScheduleSummary sum = ScheduleSummary.of(r.schedule());
        String budget = Quantities.duration(1.5 * r.graph().plainRuntimeS());
        assertTrue(status.contains("compute " + Quantities.duration(sum.runtimeS()) + " of " + budget
                + " runtime budget (transfers overlap compute)"), status);
        assertEquals(1, status.split("OPTIMAL", -1).length - 1, status);
        Screenshots.save(stage.getScene(), "30-status-compute-time");

        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene().lookup("#helpText") != null));
        Window help = Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().lookup("#helpText") != null).findFirst().orElseThrow();
        String text = ((TextArea) help.getScene().lookup("#helpText")).getText();
        Screenshots.save(help.getScene(), "32-help-shortcuts");
        assertTrue(text.lines().anyMatch(l -> l.matches("Ctrl\\+N +File > New \\(Defaults\\)")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("F5 +Solve > Solve Again")), text);
        fx(help::hide);
    }

    @Test
    void aSavedPositionOffEveryScreenIsDroppedAndTheWindowFitsTheScreen() throws Exception {
        AppSettings settings = new AppSettings();
        settings.windowX = settings.windowY = 9000;
        settings.windowWidth = settings.windowHeight = 5000;
        launch(session("linear", "a72", new Budget(plainPeak("linear", "a72"), 1.5, true, true), 1), settings);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getX() >= screen.getMinX() && stage.getY() >= screen.getMinY(), stage.getX() + "," + stage.getY());
        assertTrue(stage.getX() + stage.getWidth() <= screen.getMaxX() + 1, "width " + stage.getWidth());
        assertTrue(stage.getY() + stage.getHeight() <= screen.getMaxY() + 1, "height " + stage.getHeight());
        assertTrue(app.view().lookup("#statusBar").localToScreen(0, 0).getY() < screen.getMaxY(), "status bar on screen");
    }

    @Test
    void keysStepTheBudgetsAndAnotherBudgetOrNetworkIsShownWholeAboveItsLeastRam() throws Exception {
        long linearFloor = Plans.workingSetFloorBytes(Catalog.build("linear", DeviceFiles.builtIn("a72")));
        launch(session("linear", "a72", new Budget(plainPeak("linear", "a72"), 1.5, true, true), 1));
        awaitSettled(60);
        Slider ram = app.view().inputs().budgets().ramSlider();
        long before = vm().inputs().ramBudgetProperty().get();
        fx(ram::requestFocus);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before / 1.05, vm().inputs().ramBudgetProperty().get(), before * 0.001, "one arrow key: 5 %");
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before / 1.05 / 1.25, vm().inputs().ramBudgetProperty().get(), before * 0.001, "Page Down: 25 %");
        SolveResult first = awaitSettled(60);

        double total = first.schedule().ops().get(first.schedule().ops().size() - 1).endS();
        fx(() -> app.view().timeWindow().set(new TimeWindow(0.9 * total, total)));
        Slider runtime = (Slider) app.view().lookup("#runtimeSlider");
        fx(runtime::requestFocus);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.55, vm().inputs().runtimeRatioProperty().get(), 1e-9, "one arrow key: 0.05x");
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.05, vm().inputs().runtimeRatioProperty().get(), 1e-9, "Page Up: 0.5x");
        awaitSettled(60);
        assertNull(app.view().timeWindow().get(), "a new budget is shown whole");

        // the same share of the plain peak would be below what transformer's largest node needs
        fx(() -> app.view().timeWindow().set(new TimeWindow(0.9 * total, total)));
        fx(() -> vm().inputs().ramBudgetProperty().set(linearFloor));
        awaitSettled(60);
        double share = (double) linearFloor / vm().inputs().plainPeakBytesProperty().get();
        var transformer = Catalog.build("transformer", DeviceFiles.builtIn("a72"));
        long floor = Plans.workingSetFloorBytes(transformer);
        assertTrue(Math.round(Plans.plainPeakBytes(transformer) * share) < floor, "share " + share);
        @SuppressWarnings("unchecked")
        ComboBox<NetworkSource> picker = (ComboBox<NetworkSource>) app.view().lookup("#networkPicker");
        fx(() -> picker.setValue(new NetworkSource.CatalogNetwork("transformer")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> "transformer".equals(vm().inputs().graphProperty().get().name()));
        assertEquals(floor, vm().inputs().ramBudgetProperty().get(), "the least RAM it needs, not less");
        awaitSettled(60);
        assertNull(app.view().timeWindow().get(), "a new network is shown whole");
        Screenshots.save(stage.getScene(), "31-new-network-fits");
    }

    @Test
    void fileNewOpensTheDefaultsAndForgetsTheLastSession() throws Exception {
        launch(session("linear", "m0", new Budget(plainPeak("linear", "m0"), 2.5, true, false), 1));
        awaitSettled(60);
        fx(() -> vm().inputs().gapToleranceProperty().set(0.02));
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> InputsViewModel.DEFAULT_NETWORK.equals(
                vm().inputs().graphProperty().get().name()));
        assertEquals(InputsViewModel.DEFAULT_DEVICE, vm().inputs().deviceProperty().get().id());
        assertEquals(Math.round(0.6 * vm().inputs().plainPeakBytesProperty().get()),
                vm().inputs().ramBudgetProperty().get(), 1.0);
        assertEquals(1.5, vm().inputs().runtimeRatioProperty().get());
        assertTrue(vm().inputs().rematProperty().get());
        assertEquals(InputsViewModel.DEFAULT_TIME_LIMIT_S, vm().inputs().timeLimitProperty().get());
        assertEquals(InputsViewModel.DEFAULT_GAP_TOLERANCE, vm().inputs().gapToleranceProperty().get());
        assertEquals("0.1", ((javafx.scene.control.Spinner<?>) app.view().lookup("#gapToleranceSpinner")).getEditor()
                .getText(), "the default gap tolerance is shown, in per cent");
        assertNull(AppSettings.load().lastSession, "the next start opens the defaults too");
    }
}
