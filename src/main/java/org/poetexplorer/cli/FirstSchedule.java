package org.poetexplorer.cli;

import java.util.concurrent.atomic.AtomicLong;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveResult;

/** Listens to one solve and tells how long after its start the first schedule came. */
final class FirstSchedule implements SolveListener {
    private final long startNanos = System.nanoTime();
    private final AtomicLong firstNanos = new AtomicLong(-1);

    @Override
    public void onIncumbent(SolveResult incumbent) {
        firstNanos.compareAndSet(-1, System.nanoTime());
    }

    /**
     * Seconds from this listener's creation to the first schedule offered; when a phase settled
     * the solve with a schedule without offering one first (the plain schedule, a proof), the
     * seconds until {@code result} came, {@code endSeconds}; null when there is no schedule.
     */
    Double seconds(SolveResult result, double endSeconds) {
        long first = firstNanos.get();
        if (first >= 0) {
            return (first - startNanos) / 1e9;
        }
        return result.hasSchedule() ? endSeconds : null;
    }

    /** Seconds since this listener was created. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
