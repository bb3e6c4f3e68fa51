package org.poetexplorer.solver;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.poetexplorer.solver.backends.Cancellation;
import org.poetexplorer.solver.backends.Deadline;

/**
 * The one stop signal of a solve: the caller's cancel or the deadline, whichever comes first.
 * Every phase polls it and every backend is interrupted by it, so a solve ends at its deadline
 * or soon after a cancel whatever it is doing. Close it when the solve ends: that removes its
 * hook from the caller's token (which may outlive the solve, as in a sweep) and its alarm.
 */
final class Stop implements Cancellation, BooleanSupplier, AutoCloseable {
    private static final ScheduledThreadPoolExecutor ALARMS = alarms();

    private final CancelToken caller;
    private final Deadline deadline;
    private final CancelToken fired = new CancelToken();
    private final AutoCloseable relay;
    private final ScheduledFuture<?> alarm;

    Stop(CancelToken caller, Deadline deadline) {
        this.caller = caller;
        this.deadline = deadline;
        this.relay = caller.onCancel(fired::cancel);
        this.alarm = deadline.isNone() ? null
                : ALARMS.schedule(fired::cancel, deadline.atNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor alarms() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "poet-deadline");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }

    @Override
    public boolean isCancelled() {
        return fired.isCancelled() || deadline.passed();
    }

    @Override
    public boolean getAsBoolean() {
        return isCancelled();
    }

    @Override
    public AutoCloseable onCancel(Runnable hook) {
        return fired.onCancel(hook);
    }

    /** Whether the caller cancelled (rather than the deadline passing). */
    boolean byCaller() {
        return caller.isCancelled();
    }

    /** Why the solve stopped early: "cancelled" or "time limit reached". */
    String reason() {
        return byCaller() ? "cancelled" : "time limit reached";
    }

    @Override
    public void close() {
        if (alarm != null) {
            alarm.cancel(false);
        }
        try {
            relay.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
