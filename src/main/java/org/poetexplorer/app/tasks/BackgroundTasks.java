package org.poetexplorer.app.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.poetexplorer.solver.CancelToken;

/**
 * The app's one place for background work: every job (a solve, a comparison solve, a
 * trade-off sweep, loading a network or device, saving or opening a session, an export) is a
 * JavaFX-free call wrapped here in a {@link Task} on one pool of daemon threads. Outcomes reach
 * the caller on the JavaFX thread, the same way for every job: its value, or the reason it
 * failed; a cancelled job reports nothing. {@link #shutdown} (the window is closing) cancels
 * every job still running, including the engine calls that watch their {@link CancelToken}, and
 * starts nothing more. Only the JavaFX thread calls these methods.
 */
public final class BackgroundTasks {
    /** The work of a job; it may report how far it is and may watch {@code cancel}. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress, CancelToken cancel) throws Exception;
    }

    /** What a job may say about itself while it runs (from its own thread). */
    public interface Progress {
        void update(long done, long total, String message);
    }

    /** What becomes of a job, on the JavaFX thread: its value, or why it failed. */
    public interface Outcome<T> {
        void succeeded(T value);

        void failed(Throwable error);

        /** Builds an outcome from two handlers; both are required, so no failure goes unheard. */
        static <T> Outcome<T> of(Consumer<T> succeeded, Consumer<Throwable> failed) {
            return new Outcome<>() {
                @Override
                public void succeeded(T value) {
                    succeeded.accept(value);
                }

                @Override
                public void failed(Throwable error) {
                    failed.accept(error);
                }
            };
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "poet-background");
        t.setDaemon(true);
        return t;
    });
    private final List<Running<?>> running = new ArrayList<>();
    private boolean shutDown;

    private record Running<T>(Task<T> task, CancelToken cancel) {
    }

    /**
     * Runs {@code job} in the background and reports its outcome. Returns its task (for progress
     * and tests), or null after {@link #shutdown}.
     */
    public <T> Task<T> run(String name, Job<T> job, Outcome<T> outcome) {
        if (shutDown) {
            return null;
        }
        CancelToken cancel = new CancelToken();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run((done, total, message) -> {
                    updateProgress(done, total);
                    updateMessage(message);
                }, cancel);
            }

            @Override
            public String toString() {
                return name;
            }
        };
        Running<T> entry = new Running<>(task, cancel);
        running.add(entry);
        task.setOnSucceeded(e -> {
            running.remove(entry);
            outcome.succeeded(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(entry);
            outcome.failed(task.getException());
        });
        task.setOnCancelled(e -> running.remove(entry));
        executor.execute(task);
        return task;
    }

    /** Runs {@code work} in the background (it neither reports progress nor watches a cancel). */
    public <T> Task<T> run(String name, java.util.concurrent.Callable<T> work, Outcome<T> outcome) {
        return run(name, (progress, cancel) -> work.call(), outcome);
    }

    /** Asks a job to stop early: an engine call returns its best so far, which is reported as its outcome. */
    public void stop(Task<?> task) {
        running.stream().filter(r -> r.task() == task).forEach(r -> r.cancel().cancel());
    }

    /** Cancels a job: it stops early and reports nothing. */
    public void cancel(Task<?> task) {
        for (Running<?> r : List.copyOf(running)) {
            if (r.task() == task) {
                r.cancel().cancel();
                r.task().cancel(false);
                running.remove(r);
            }
        }
    }

    /** The jobs not yet finished, by name (for tests and diagnostics). */
    public List<String> runningJobs() {
        return running.stream().map(r -> r.task().toString()).toList();
    }

    /** Cancels every job still running (engine calls stop at their next check) and starts nothing more. */
    public void shutdown() {
        shutDown = true;
        for (Running<?> r : List.copyOf(running)) {
            r.cancel().cancel();
            r.task().cancel(false);
        }
        running.clear();
        executor.shutdownNow();
    }
}
