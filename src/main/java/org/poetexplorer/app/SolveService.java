package org.poetexplorer.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveResult;

/**
 * Runs the engine's (JavaFX-free) {@link PoetSolver} in background {@link Task}s for the
 * explorer. Rules: a new request cancels the running solve at once; requests arriving in
 * quick succession are coalesced by a short pause, so a slider drag does not start a solve
 * per pixel; only the latest request's results reach the listeners (each request gets a
 * generation number and anything from an older generation is dropped). All methods and
 * callbacks are on the JavaFX thread.
 */
final class SolveService {
    /** Receives results of the current generation, on the JavaFX thread. */
    interface Listener {
        void started(SolveRequest request);

        void incumbent(SolveRequest request, SolveResult result);

        /** A progress note from the engine: the phase it is in and the best lower bound so far (may be null). */
        default void progress(SolveRequest request, String phase, Double lowerBoundJ) {
        }

        void finished(SolveRequest request, SolveResult result);

        void failed(SolveRequest request, Throwable error);
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "poet-solve");
        t.setDaemon(true);
        return t;
    });
    private final Listener listener;
    private final PauseTransition debounce;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final ReadOnlyIntegerWrapper runningSolves = new ReadOnlyIntegerWrapper(this, "runningSolves");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private SolveRequest pending;
    private boolean shutDown;
    private CancelToken currentToken;
    private Task<SolveResult> currentTask;

    SolveService(Listener listener, Duration coalesce) {
        this.listener = listener;
        this.debounce = new PauseTransition(coalesce);
        this.debounce.setOnFinished(e -> launchPending());
    }

    /** Number of solver calls still running on background threads (cancelled ones included until they return). */
    ReadOnlyIntegerProperty runningSolvesProperty() {
        return runningSolves.getReadOnlyProperty();
    }

    /** True from a request until its final result (or failure, or cancel). */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Asks for a solve of {@code request}; supersedes every earlier request. Ignored after {@link #shutdown}. */
    void submit(SolveRequest request) {
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
    void cancel() {
        if (pending != null) {
            debounce.stop();
            pending = null;
            generation.incrementAndGet();
            busy.set(false);
        }
        if (currentToken != null) {
            currentToken.cancel();
        }
    }

    /** Cancels everything and drops whatever the running solve still reports. */
    void abandon() {
        generation.incrementAndGet();
        debounce.stop();
        pending = null;
        cancelRunning();
        busy.set(false);
    }

    /**
     * Runs {@code work} in the background and hands its value to {@code done} on the JavaFX
     * thread. Ignored after {@link #shutdown}.
     */
    <T> void background(java.util.concurrent.Callable<T> work, Consumer<T> done,
            Consumer<Throwable> error) {
        if (shutDown) {
            return;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> error.accept(task.getException()));
        executor.execute(task);
    }

    private void cancelRunning() {
        if (currentToken != null) {
            currentToken.cancel();
            currentToken = null;
        }
        if (currentTask != null) {
            currentTask.cancel(false);
            currentTask = null;
        }
    }

    private void launchPending() {
        SolveRequest request = pending;
        pending = null;
        if (request == null) {
            return;
        }
        long gen = generation.get();
        CancelToken token = new CancelToken();
        Task<SolveResult> task = new Task<>() {
            @Override
            protected SolveResult call() {
                running.incrementAndGet();
                publishRunning();
                try {
                    SolveListener l = new SolveListener() {
                        @Override
                        public void onIncumbent(SolveResult incumbent) {
                            Platform.runLater(() -> {
                                if (gen == generation.get()) {
                                    listener.incumbent(request, incumbent);
                                }
                            });
                        }

                        @Override
                        public void onProgress(String phase, Double lowerBoundJ) {
                            Platform.runLater(() -> {
                                if (gen == generation.get()) {
                                    listener.progress(request, phase, lowerBoundJ);
                                }
                            });
                        }
                    };
                    return PoetSolver.solve(request.graph(), request.budget(), request.options(), l, token);
                } finally {
                    running.decrementAndGet();
                    publishRunning();
                }
            }
        };
        task.setOnSucceeded(e -> {
            if (gen == generation.get()) {
                busy.set(false);
                listener.finished(request, task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation.get()) {
                busy.set(false);
                listener.failed(request, task.getException());
            }
        });
        currentToken = token;
        currentTask = task;
        listener.started(request);
        executor.execute(task);
    }

    private void publishRunning() {
        Platform.runLater(() -> runningSolves.set(running.get()));
    }

    /**
     * Stops for good (the window is closing): cancels the running solve, drops whatever it
     * still reports, and starts nothing more.
     */
    void shutdown() {
        shutDown = true;
        abandon();
        executor.shutdownNow();
    }
}
