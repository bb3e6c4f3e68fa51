package org.poetexplorer.solver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Cancels a running solve from another thread. Backends register a hook that interrupts them. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable hook : hooks) {
                hook.run();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Like {@link #onCancel}, for a native search that ignores an interrupt arriving before it
     * has started: once cancelled, {@code interrupt} is repeated every 50 ms until the handle
     * is closed (when the search has returned).
     */
    public AutoCloseable interruptUntilClosed(Runnable interrupt) {
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

    /** Runs {@code hook} on cancel (at once if already cancelled). Returns a handle that removes it. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
