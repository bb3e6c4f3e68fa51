package org.poetexplorer.solver.backends;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** What a backend needs of a cancel from another thread: whether it came, and a hook for when it comes. */
public interface Cancellation {

    boolean isCancelled();

    /** Runs {@code hook} on cancel (at once if already cancelled). Returns a handle that removes it. */
    AutoCloseable onCancel(Runnable hook);

    /**
     * Like {@link #onCancel}, for a native search that ignores an interrupt arriving before it
     * has started: once cancelled, {@code interrupt} is repeated every 50 ms until the handle
     * is closed (when the search has returned).
     */
    default AutoCloseable interruptUntilClosed(Runnable interrupt) {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<Thread> repeater = new AtomicReference<>();
        AutoCloseable hook = onCancel(() -> {
            Thread t = new Thread(() -> {
                while (!closed.get()) {
                    interrupt.run();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "poet-solver-interrupt");
            t.setDaemon(true);
            repeater.set(t);
            t.start();
        });
        return () -> {
            closed.set(true);
            hook.close();
            Thread t = repeater.get();
            if (t != null) {
                t.join(); // the solver may be deleted after close: no interrupt may still be running
            }
        };
    }
}
