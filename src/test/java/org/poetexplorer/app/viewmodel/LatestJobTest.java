package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart's layout for the view a pan or zoom reaches is made off the JavaFX thread, one job at
 * a time: the views passed over while a job runs are never made, the last one asked is.
 */
class LatestJobTest {
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final AtomicInteger readies = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final LatestJob<Integer, String> job = new LatestJob<>(tasks, "test layout", readies::incrementAndGet,
            failures::add);

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutDownTheTasks() throws Exception {
        WaitForAsyncUtils.asyncFx(tasks::shutdown).get(5, TimeUnit.SECONDS);
    }

    @Test
    void onlyTheLatestAskIsMadeAfterTheRunningOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean onFxThread = new AtomicBoolean(true);
        List<Integer> made = new CopyOnWriteArrayList<>();
        String first = WaitForAsyncUtils.asyncFx(() -> {
            String v = job.get(1, () -> {
                onFxThread.set(Platform.isFxApplicationThread());
                release.await(10, TimeUnit.SECONDS);
                made.add(1);
                return "view 1";
            });
            for (int k = 2; k <= 5; k++) {
                int key = k;
                job.get(key, () -> {
                    made.add(key);
                    return "view " + key;
                });
            }
            return v;
        }).get(5, TimeUnit.SECONDS);
        assertNull(first, "not made yet: the caller draws without it");
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "view 5".equals(WaitForAsyncUtils.asyncFx(() -> job.made(5)).get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFxThread.get(), "made off the JavaFX thread");
        assertEquals(List.of(1, 5), made, "the asks passed over (2 to 4) were never made");
        assertEquals(1, readies.get(), "told once, when the latest ask's value is there");
        assertEquals("view 5", WaitForAsyncUtils.asyncFx(() -> job.get(5, () -> "again")).get(),
                "a key made already is answered at once");
        assertEquals(List.of(), failures);
    }

    @Test
    void aFailedJobIsToldAndTheNextAskTriesAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> job.get(1, () -> {
            throw new IllegalStateException("broken layout");
        })).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> failures.size() == 1);
        assertEquals("broken layout", failures.get(0).getMessage());
        WaitForAsyncUtils.asyncFx(() -> job.get(1, () -> "made")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "made".equals(WaitForAsyncUtils.asyncFx(() -> job.made(1)).get()));
    }
}
