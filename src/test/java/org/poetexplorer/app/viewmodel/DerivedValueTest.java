package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Values worked out from a large schedule (the selected node's details, the comparison with a
 * baseline) are worked out off the JavaFX thread, and an older job never replaces a newer value.
 */
class DerivedValueTest {
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final Notices notices = new Notices();
    private final DerivedValue<String> value = new DerivedValue<>(tasks, notices, "test value", 100);

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutDownTheTasks() throws Exception {
        WaitForAsyncUtils.asyncFx(tasks::shutdown).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLargeScheduleIsWorkedOnInTheBackgroundAndTheLatestAskWins() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean onFxThread = new AtomicBoolean(true);
        WaitForAsyncUtils.asyncFx(() -> {
            value.update(1000, () -> {
                onFxThread.set(Platform.isFxApplicationThread());
                release.await(10, TimeUnit.SECONDS);
                return "older";
            });
            value.update(1000, () -> "newer");
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "newer".equals(value.property().get()));
        release.countDown();
        // the task list belongs to the JavaFX thread: read it there
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> tasks.runningJobs().isEmpty()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFxThread.get(), "worked out off the JavaFX thread");
        assertEquals("newer", value.property().get(), "the older job, ending last, did not replace it");
    }

    @Test
    void aSmallScheduleIsWorkedOutAtOnce() throws Exception {
        boolean set = WaitForAsyncUtils.asyncFx(() -> {
            value.update(10, () -> "at once");
            return "at once".equals(value.property().get());
        }).get(5, TimeUnit.SECONDS);
        assertTrue(set);
    }
}
