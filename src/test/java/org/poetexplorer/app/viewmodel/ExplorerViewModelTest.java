package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.Sweep;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The explorer's background work, without a window: what a failure shows, and that closing stops everything. */
class ExplorerViewModelTest {
    private ExplorerViewModel vm;

    @TempDir
    Path folder;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (vm != null) {
            WaitForAsyncUtils.asyncFx(vm::shutdown);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void start() throws Exception {
        vm = WaitForAsyncUtils.asyncFx(() -> new ExplorerViewModel(new AppSettings())).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSampleProfileThatCannotBeReadIsNamedAndLeftOut() throws Exception {
        DeviceFiles.write(DeviceFiles.builtIn("m0"), folder.resolve("my-board.json"));
        Files.writeString(folder.resolve("broken.json"), "{ \"format\": ");
        start();

        WaitForAsyncUtils.asyncFx(() -> vm.inputs().addSampleProfiles(folder));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.notices().noticeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        List<DeviceSource> devices = vm.inputs().devices();
        assertTrue(devices.contains(new DeviceSource.DeviceFile(folder.resolve("my-board.json").toAbsolutePath())),
                devices.toString());
        assertFalse(devices.contains(new DeviceSource.DeviceFile(folder.resolve("broken.json").toAbsolutePath())),
                devices.toString());
        Notice n = vm.notices().noticeProperty().get();
        assertTrue(n.error() && n.text().contains("broken.json"), n.toString());
    }

    @Test
    void aNetworkFileThatCannotBeLoadedIsNamedByItsFileNameInTheTitle() throws Exception {
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{ \"format\": ");
        start();
        WaitForAsyncUtils.asyncFx(() -> vm.inputs().loadDefaults());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.inputs().graphProperty().get() != null);
        String device = vm.inputs().deviceChoiceProperty().get().toString();

        WaitForAsyncUtils.asyncFx(() -> vm.inputs().openNetwork(bad));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.inputs().loadFailuresProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();

        Notice n = vm.notices().noticeProperty().get();
        assertTrue(n.error(), n.toString());
        assertEquals("Could not load bad.json on " + device + " (nothing was changed)", n.title());
    }

    /** True while some thread is running the solver or a sweep. */
    private static boolean engineRunning() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(f -> f.getClassName().startsWith(Sweep.class.getName())
                        || f.getClassName().startsWith(PoetSolver.class.getName()));
    }

    @Test
    void closingStopsTheSolveAndTheTradeoffCurve() throws Exception {
        start();
        WaitForAsyncUtils.asyncFx(() -> vm.inputs().loadDefaults());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.inputs().graphProperty().get() != null);
        WaitForAsyncUtils.asyncFx(() -> vm.tradeoff().start());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.tradeoff().runningProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ExplorerViewModelTest::engineRunning);

        WaitForAsyncUtils.asyncFx(vm::shutdown);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !engineRunning());
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> left = WaitForAsyncUtils.asyncFx(vm::runningJobs).get();
        assertTrue(left.isEmpty(), left.toString());
        assertTrue(vm.tradeoff().sweepPoints().stream().anyMatch(p -> p.source() == Sweep.Source.CANCELLED),
                "the curve stopped before its last budget: " + vm.tradeoff().sweepPoints());
    }
}
