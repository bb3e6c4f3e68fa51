package org.poetexplorer.milp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** Runs {@code hook} on cancel (at once if already cancelled). Returns a handle that removes it. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
