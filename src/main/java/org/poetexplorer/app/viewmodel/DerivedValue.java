package org.poetexplorer.app.viewmodel;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.poetexplorer.app.tasks.BackgroundTasks;

/**
 * A value worked out from the schedule on screen. For a small schedule it is worked out at
 * once; for a large one (graphs may have thousands of nodes) as a background job, so the JavaFX
 * thread never waits, and the value of an older job never replaces that of a newer one.
 */
final class DerivedValue<T> {
    private final ReadOnlyObjectWrapper<T> value = new ReadOnlyObjectWrapper<>();
    private final BackgroundTasks tasks;
    private final String name;
    private final Consumer<Throwable> failure;
    private final int backgroundFromOps;
    private long generation;

    /** @param name what the value is, for the job's name and the notice when working it out fails */
    DerivedValue(BackgroundTasks tasks, Notices notices, String name, int backgroundFromOps) {
        this.tasks = tasks;
        this.name = name;
        this.failure = error -> notices.post(Notice.error("Could not work out the " + name,
                Notice.reason(error)));
        this.backgroundFromOps = backgroundFromOps;
    }

    /** Clears the value: there is nothing to work out. */
    void clear() {
        generation++;
        value.set(null);
    }

    /** Works the value out again from a schedule of {@code ops} operations. */
    void update(int ops, Callable<T> work) {
        long mine = ++generation;
        if (ops < backgroundFromOps) {
            try {
                value.set(work.call());
            } catch (Exception e) {
                failed(e);
            }
            return;
        }
        tasks.run(name, work, BackgroundTasks.Outcome.of(v -> {
            if (mine == generation) {
                value.set(v);
            }
        }, error -> {
            if (mine == generation) {
                failed(error);
            }
        }));
    }

    private void failed(Throwable error) {
        value.set(null);
        failure.accept(error);
    }

    ReadOnlyObjectProperty<T> property() {
        return value.getReadOnlyProperty();
    }
}
