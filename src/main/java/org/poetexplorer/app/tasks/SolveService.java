package org.poetexplorer.app.tasks;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveResult;

/**
 * Runs the engine's (JavaFX-free) {@link PoetSolver} as jobs of the app's
 * {@link BackgroundTasks}. Rules: a new request cancels the running solve at once; requests
 * arriving in quick succession are coalesced by a short pause, so a slider drag does not start
 * a solve per pixel; only the latest request's results reach the listener (each request gets a
 * generation number and anything from an older generation is dropped). All methods and
 * callbacks are on the JavaFX thread.
 */
public final class SolveService {
    /** Receives results of the current generation, on the JavaFX thread. */
    public interface Listener {
        default void started(SolveRequest request) {
        }

        default void incumbent(SolveRequest request, SolveResult result) {
        }

        /** A progress note from the engine: the phase it is in and the best lower bound so far (may be null). */
        default void progress(SolveRequest request, String phase, Double lowerBoundJ) {
        }

        void finished(SolveRequest request, SolveResult result);

        void failed(SolveRequest request, Throwable error);
    }

    private final BackgroundTasks tasks;
    private final Listener listener;
    private final PauseTransition debounce;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyIntegerWrapper runningSolves = new ReadOnlyIntegerWrapper(this, "runningSolves");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private SolveRequest pending;
    private boolean shutDown;
    private Task<SolveResult> current;

    public SolveService(BackgroundTasks tasks, Listener listener, Duration coalesce) {
        this.tasks = tasks;
        this.listener = listener;
        this.debounce = new PauseTransition(coalesce);
        this.debounce.setOnFinished(e -> launchPending());
    }

    /** Number of solver calls still running on background threads (cancelled ones included until they return). */
    public ReadOnlyIntegerProperty runningSolvesProperty() {
        return runningSolves.getReadOnlyProperty();
    }

    /** True from a request until its final result (or failure, or cancel). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Asks for a solve of {@code request}; supersedes every earlier request. Ignored after {@link #shutdown}. */
    public void submit(SolveRequest request) {
        if (shutDown) {
            return;
        }
        generation.incrementAndGet();
        cancelRunning();
        pending = request;
        busy.set(true);
        debounce.playFromStart();
    }

    /** Stops the running solve (its best schedule so far, if any, is reported as final). */
    public void cancel() {
        if (pending != null) {
            debounce.stop();
            pending = null;
            generation.incrementAndGet();
            busy.set(false);
        }
        if (current != null) {
            tasks.stop(current);
        }
    }

    /** Cancels everything and drops whatever the running solve still reports. */
    public void abandon() {
        generation.incrementAndGet();
        debounce.stop();
        pending = null;
        cancelRunning();
        busy.set(false);
    }

    private void cancelRunning() {
        if (current != null) {
            tasks.cancel(current);
            current = null;
        }
    }

    private void launchPending() {
        SolveRequest request = pending;
        pending = null;
        if (request == null) {
            return;
        }
        long gen = generation.get();
        listener.started(request);
        current = tasks.run("solve", (progress, cancel) -> {
            running.incrementAndGet();
            publishRunning();
            try {
                return PoetSolver.solve(request.graph(), request.budget(), request.options(),
                        new ForwardingListener(request, gen), cancel);
            } finally {
                running.decrementAndGet();
                publishRunning();
            }
        }, BackgroundTasks.Outcome.of(r -> {
            if (gen == generation.get()) {
                busy.set(false);
                listener.finished(request, r);
            }
        }, error -> {
            if (gen == generation.get()) {
                busy.set(false);
                listener.failed(request, error);
            }
        }));
    }

    /** Hands the engine's notes of a solve to the listener on the JavaFX thread while it is still current. */
    private final class ForwardingListener implements SolveListener {
        private final SolveRequest request;
        private final long gen;

        ForwardingListener(SolveRequest request, long gen) {
            this.request = request;
            this.gen = gen;
        }

        @Override
        public void onIncumbent(SolveResult incumbent) {
            whileCurrent(() -> listener.incumbent(request, incumbent));
        }

        @Override
        public void onProgress(String phase, Double lowerBoundJ) {
            whileCurrent(() -> listener.progress(request, phase, lowerBoundJ));
        }

        private void whileCurrent(Runnable r) {
            Platform.runLater(() -> {
                if (gen == generation.get()) {
                    r.run();
                }
            });
        }
    }

    private void publishRunning() {
        Platform.runLater(() -> runningSolves.set(running.get()));
    }

    /**
     * Stops for good (the window is closing): cancels the running solve, drops whatever it
     * still reports, and starts nothing more.
     */
    public void shutdown() {
        shutDown = true;
        abandon();
    }
}
