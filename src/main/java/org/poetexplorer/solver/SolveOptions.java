package org.poetexplorer.solver;

/**
 * How to solve: backend name (see {@code Backends}), wall-clock limit in seconds
 * (0 or less: none), solver threads, and the gap tolerance: the exact search stops once the best
 * schedule is within this fraction of its energy above the proven lower bound (0: go on until
 * optimality is proven). A solve stopped by the tolerance is FEASIBLE with its gap, never OPTIMAL.
 */
public record SolveOptions(String solver, double timeLimitSeconds, int threads, double gapTolerance) {

    public SolveOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1 (was " + threads + ")");
        }
        if (Double.isNaN(timeLimitSeconds)) {
            throw new IllegalArgumentException("time limit: must be a number (was NaN)");
        }
        if (!(gapTolerance >= 0 && gapTolerance < 1)) {
            throw new IllegalArgumentException("gap tolerance: must be at least 0 and below 1 (was " + gapTolerance
                    + ")");
        }
    }

    /** Solves until optimality is proven or the time limit ends the search. */
    public SolveOptions(String solver, double timeLimitSeconds, int threads) {
        this(solver, timeLimitSeconds, threads, 0);
    }

    public SolveOptions withGapTolerance(double tolerance) {
        return new SolveOptions(solver, timeLimitSeconds, threads, tolerance);
    }
}
