package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.app.view.ExportMenus;
import org.poetexplorer.app.view.TimelineView;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.Exports;
import org.poetexplorer.app.viewmodel.InputsViewModel;
import org.poetexplorer.app.viewmodel.Notice;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.io.Session;
import org.poetexplorer.io.SessionFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Exports and sessions in the running app, headless: each test starts the app as a user whose
 * last session was linear on the m0 with a solved schedule (reopened on start, not solved
 * again), exports every file through the methods the menus call after their file chooser,
 * saves and reopens a session, or opens one whose files have moved.
 */
class ExportSessionAppTest extends AppWindowTest {
    private static final Budget BUDGET = new Budget(3500, 1.2, true, true);
    private static SolveResult saved;
    @TempDir
    Path dir;

    @BeforeAll
    static void solveTheSavedSchedule() throws Exception {
        saved = PoetSolver.solve(Catalog.build("linear", DeviceFiles.builtIn("m0")), BUDGET,
                new SolveOptions("scip", 30, 1), SolveListener.NONE, new CancelToken());
        assertTrue(saved.hasSchedule());
    }

    /** Starts the app reopening linear on the m0 with its saved schedule, and waits until it is on screen. */
    private SolveResult launchTheSavedSession() throws Exception {
        launch(new Session(new NetworkSource.CatalogNetwork("linear"), new DeviceSource.BuiltInDevice("m0"), null, BUDGET,
                "scip", 5, 1, new ScheduleFile(saved.graph(),
                BUDGET, saved.solver(), saved.status(), saved.gap(), Double.NaN, saved.schedule()),
                saved.solveSeconds()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().solving().resultProperty().get() != null);
        return awaitSettled();
    }

    private SolveResult awaitSettled() throws Exception {
        return awaitSettled(120);
    }

    /** Runs {@code start} on the JavaFX thread and waits for the background task it returns. */
    private static <T> Task<T> await(java.util.function.Supplier<Task<T>> start) throws Exception {
        AtomicReference<Task<T>> task = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> task.set(start.get())).get(10, TimeUnit.SECONDS);
        assertNotNull(task.get(), "an export task was started");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> task.get().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        return task.get();
    }

    private Notice lastNotice() {
        return vm().notices().noticeProperty().get();
    }

    @Test
    void reopensTheLastSessionOnStartWithItsScheduleUnsolved() throws Exception {
        SolveResult shown = launchTheSavedSession();
        assertEquals("linear", vm().inputs().graphProperty().get().name());
        assertEquals("m0", vm().inputs().deviceProperty().get().id());
        assertEquals(3500, vm().inputs().ramBudgetProperty().get());
        assertEquals(1.2, vm().inputs().runtimeRatioProperty().get());
        assertEquals(5.0, vm().inputs().timeLimitProperty().get());
        assertEquals(saved.schedule().ops(), shown.schedule().ops(), "the saved schedule is on screen");
        assertEquals(saved.status(), shown.status());
        assertEquals("opened from a session", shown.message(), "shown as saved, not solved again");
        assertEquals(saved.solveSeconds(), shown.solveSeconds(), "with its solve time");
        Screenshots.save(stage.getScene(), "20-session-reopened-on-start");
    }

    @Test
    void exportsEveryFileInTheBackground() throws Exception {
        launchTheSavedSession();
        Exports ex = vm().exports();
        Path json = dir.resolve("schedule.json");
        Path csv = dir.resolve("schedule.csv");
        assertEquals(json, await(() -> ex.exportScheduleJson(json)).get(), "succeeded");
        assertEquals(saved.schedule().ops(), ScheduleFiles.read(json).schedule().ops());
        await(() -> ex.exportScheduleCsv(csv));
        assertEquals(saved.schedule().ops().size() + 1, Files.readAllLines(csv).size(), "one row per operation");
        for (ChartKind k : ChartKind.values()) {
            Path png = dir.resolve(k.fileName() + ".png");
            Path svg = dir.resolve(k.fileName() + ".svg");
            await(() -> ex.exportChart(k, Exports.Format.PNG, png));
            await(() -> ex.exportChart(k, Exports.Format.SVG, svg));
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(2 * k.width(), img.getWidth(), k.fileName());
            assertEquals(2 * k.height(), img.getHeight(), k.fileName());
            assertTrue(Files.readString(svg).contains("</text>"), k.fileName());
        }
        Path report = dir.resolve("report.html");
        await(() -> ex.exportReport(report));
        String html = Files.readString(report);
        assertTrue(html.contains("<h1>linear on m0</h1>") && html.contains("3,500 B"), "inputs in the report");
        assertFalse(lastNotice().error(), lastNotice().toString());
        assertTrue(lastNotice().text().contains("report.html"), lastNotice().toString());
    }

    @Test
    void everyChartHasAnExportContextMenu() throws Exception {
        launchTheSavedSession();
        ContextMenu timelineMenu = ExportMenus.installedMenu(app.view().timeline());
        // Monocle's headless glass makes no context-menu event of a right click: send the one a desktop sends
        TimelineView timeline = app.view().timeline();
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Point2D at = timeline.localToScreen(300, 80);
            javafx.event.Event.fireEvent(timeline, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 300, 80, at.getX(), at.getY(), false,
                    null));
        }).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, timelineMenu::isShowing);
        Screenshots.save(timelineMenu.getScene(), "23-chart-context-menu");
        WaitForAsyncUtils.asyncFx(timelineMenu::hide).get();
        for (javafx.scene.Node chart : List.of(app.view().timeline(), app.view().memory(),
                app.view().lookup("#energy"), app.view().lookup("#tradeoff"))) {
            ContextMenu menu = ExportMenus.installedMenu(chart);
            assertNotNull(menu, chart.getId());
            List<String> items = menu.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
            assertTrue(items.stream().anyMatch(t -> t.endsWith("as PNG...")), items::toString);
            assertTrue(items.stream().anyMatch(t -> t.endsWith("as SVG...")), items::toString);
            assertTrue(items.contains("Export Schedule (JSON)...") && items.contains("Export Report (HTML)..."),
                    items::toString);
        }
    }

    @Test
    void anExportIntoAnUnusableFolderSaysSoAndLosesNothing() throws Exception {
        launchTheSavedSession();
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "keep me");
        Path target = blocker.resolve("timeline.png");
        Task<Path> t = await(() -> vm().exports().exportChart(ChartKind.TIMELINE, Exports.Format.PNG,
                target));
        java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, t::get);
        assertTrue(failure.getCause() instanceof java.io.IOException, failure::toString);
        Notice n = lastNotice();
        assertTrue(n.error(), n.toString());
        assertTrue(n.title().contains("nothing was changed"), n.title());
        assertTrue(n.text().contains(blocker.toString()) && n.text().contains("is not a folder"), n.text());
        assertEquals("keep me", Files.readString(blocker));
        awaitNotification(5);
        Screenshots.save(stage.getScene(), "21-export-failed");
        assertEquals(saved.schedule().ops(), vm().solving().resultProperty().get().schedule().ops(), "the schedule stays");
    }

    @Test
    void saveThenOpenRestoresTheSameInputsAndSchedule() throws Exception {
        launchTheSavedSession();
        WaitForAsyncUtils.asyncFx(() -> vm().inputs().ramBudgetProperty().set(4000)).get();
        SolveResult before = awaitSettled();
        assertEquals(4000, before.budget().ramBytes());
        assertTrue(before.hasSchedule());
        Path session = dir.resolve("saved.json");
        await(() -> vm().sessions().save(session));
        assertFalse(lastNotice().error(), lastNotice().toString());

        WaitForAsyncUtils.asyncFx(() -> {
            vm().inputs().ramBudgetProperty().set(5000);
            vm().inputs().pagingProperty().set(false);
        }).get();
        SolveResult other = awaitSettled();
        assertNotEquals(before.budget(), other.budget());

        await(() -> vm().sessions().open(session));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().solving().resultProperty().get() != null
                && vm().solving().resultProperty().get().budget().equals(before.budget()));
        SolveResult back = awaitSettled();
        assertEquals(before.budget(), back.budget());
        assertEquals(4000, vm().inputs().ramBudgetProperty().get());
        assertTrue(vm().inputs().pagingProperty().get());
        assertEquals(before.schedule().ops(), back.schedule().ops(), "the same schedule");
        assertEquals(before.status(), back.status());
        assertEquals(session.toAbsolutePath().toString(), AppSettings.load().lastSession,
                "remembered for the next start");
    }

    @Test
    void aSessionWhoseNetworkMovedSaysWhichAndKeepsTheNetworkOnScreen() throws Exception {
        launchTheSavedSession();
        long ramBefore = vm().inputs().ramBudgetProperty().get();
        Path gone = dir.resolve("moved-away").resolve("net.json");
        Path session = dir.resolve("moved.json");
        SessionFiles.write(session, new Session(new NetworkSource.NetworkFile(gone), new DeviceSource.BuiltInDevice("m0"),
                null, new Budget(99_999, 1.7, true, true), "scip", 3, 1, null, 0));
        await(() -> vm().sessions().open(session));
        Notice n = lastNotice();
        assertTrue(n.error(), n.toString());
        assertTrue(n.text().contains(gone.toString()), n.text());
        assertTrue(n.title().contains("kept the network linear"), n.title());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().inputs().runtimeRatioProperty().get() == 1.7);
        awaitSettled();
        assertEquals("linear", vm().inputs().graphProperty().get().name(), "the network on screen stays");
        assertEquals("m0", vm().inputs().deviceProperty().get().id());
        assertEquals(ramBefore, vm().inputs().ramBudgetProperty().get(), "with its RAM budget");
        assertEquals(3.0, vm().inputs().timeLimitProperty().get(), "the session's other settings are open");
        Screenshots.save(stage.getScene(), "22-session-files-moved");
    }

    @Test
    void aSessionWithUnusableSolverSettingsIsNotOpenedAndTheWorkOnScreenStays() throws Exception {
        launchTheSavedSession();
        SolveResult before = awaitSettled();
        Path session = dir.resolve("threads.json");
        Files.writeString(session, SessionFiles.toJson(new Session(new NetworkSource.CatalogNetwork("linear"),
                new DeviceSource.BuiltInDevice("m4"), null, BUDGET, "scip", 3, 1, null, 0))
                .replace("\"threads\" : 1", "\"threads\" : 1e10"));
        await(() -> vm().sessions().open(session));
        Notice n = lastNotice();
        assertTrue(n.error(), n.toString());
        assertEquals("Could not open the session threads.json (nothing was changed)", n.title());
        assertEquals(session + ": solver.threads: must be a whole number from 1 to 1024 (was 10000000000)", n.text());
        assertEquals(before.graph().name(), vm().inputs().graphProperty().get().name(), "the network on screen stays");
        assertEquals(before.schedule().ops(), vm().solving().resultProperty().get().schedule().ops(), "the schedule stays");
    }

    @Test
    void aFileThatIsNotASessionSaysSoAndChangesNothing() throws Exception {
        SolveResult shown = launchTheSavedSession();
        Path schedule = dir.resolve("schedule.json");
        await(() -> vm().exports().exportScheduleJson(schedule));
        await(() -> vm().sessions().open(schedule));
        Notice n = lastNotice();
        assertTrue(n.error(), n.toString());
        assertTrue(n.title().contains("nothing was changed") && !n.title().contains("defaults"), n.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown, vm().solving().resultProperty().get(), "the schedule on screen stays");
        assertEquals(3500, vm().inputs().ramBudgetProperty().get());
    }

    @Test
    void aSavedScheduleThatNoLongerReplaysIsSolvedAgainAndSaysSo() throws Exception {
        // the device as edited now keeps 8 bytes per element: the saved schedule's tensors are twice as large
        org.poetexplorer.model.Device m0 = DeviceFiles.builtIn("m0");
        org.poetexplorer.model.Device wider = new org.poetexplorer.model.Device(m0.id(), m0.name(), m0.flops(),
                m0.flopsPerJoule(), m0.pageInLatency(), m0.pageInThroughput(), m0.pageOutLatency(),
                m0.pageOutThroughput(), m0.memoryPower(), 2 * m0.bytesPerElement(), m0.power(), m0.source());
        launch(new Session(new NetworkSource.CatalogNetwork("linear"), new DeviceSource.BuiltInDevice("m0"), wider, BUDGET,
                "scip", 5, 1, new ScheduleFile(saved.graph(),
                BUDGET, saved.solver(), saved.status(), saved.gap(), Double.NaN, saved.schedule()),
                saved.solveSeconds()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm().solving().resultProperty().get() != null);
        SolveResult shown = awaitSettled();
        assertEquals(8, vm().inputs().deviceProperty().get().bytesPerElement(), "the edited device is loaded");
        assertNotEquals("opened from a session", shown.message(), "solved again, not shown as saved");
        assertTrue(vm().notices().noticeProperty().get() != null
                && vm().notices().noticeProperty().get().title().equals("Solving again"), "the window says why");
    }
}
