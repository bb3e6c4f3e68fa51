package org.poetexplorer.app.viewmodel;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.poetexplorer.app.tasks.BackgroundTasks;

/**
 * A value made in the background for the latest of many asks, such as a chart's layout for the
 * view a pan or zoom has reached: one job runs at a time, asks made meanwhile replace each other,
 * and when the job ends only the latest ask is made next (the ones in between are never made).
 * Asked for a key already made, it answers at once. Views get one from
 * {@link ExplorerViewModel#latestJob}. Only the JavaFX thread calls it.
 *
 * @param <K> what the value is made for (compared with {@code equals})
 * @param <V> the value
 */
public final class LatestJob<K, V> {
    private final BackgroundTasks tasks;
    private final String name;
    private final Runnable ready;
    private final Consumer<Throwable> failed;
    private K madeFor;
    private V made;
    private boolean running;
    private K wanted;
    private Callable<V> wantedWork;

    /**
     * @param ready called on the JavaFX thread when the value of the latest ask is there
     * @param failed told why a job failed (the next ask tries again)
     */
    LatestJob(BackgroundTasks tasks, String name, Runnable ready, Consumer<Throwable> failed) {
        this.tasks = tasks;
        this.name = name;
        this.ready = ready;
        this.failed = failed;
    }

    /** The value made for {@code key}, or null when it is not (yet) made. */
    public V made(K key) {
        return Objects.equals(key, madeFor) ? made : null;
    }

    /**
     * The value made for {@code key}, or null while it is being made (by {@code work}, in the
     * background; {@code ready} says when it is there).
     */
    public V get(K key, Callable<V> work) {
        V v = made(key);
        if (v != null) {
            return v;
        }
        wanted = key;
        wantedWork = work;
        if (!running) {
            start();
        }
        return null;
    }

    /** Sets the value for {@code key}, made on the JavaFX thread (a small one), and drops any ask for another. */
    public void put(K key, V value) {
        madeFor = key;
        made = value;
        wanted = null;
        wantedWork = null;
    }

    private void start() {
        K key = wanted;
        Callable<V> work = wantedWork;
        wantedWork = null;
        running = tasks.run(name, work, BackgroundTasks.Outcome.of(v -> done(key, v), error -> {
            done(null, null);
            failed.accept(error);
        })) != null;
    }

    private void done(K key, V value) {
        running = false;
        if (key != null) {
            madeFor = key;
            made = value;
        }
        if (wantedWork != null) {
            start();
        } else if (key != null && Objects.equals(key, wanted)) {
            ready.run();
        }
    }
}
