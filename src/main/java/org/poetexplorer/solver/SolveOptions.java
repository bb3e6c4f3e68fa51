package org.poetexplorer.solver;

/**
 * How to solve: backend name (see {@code Backends}), wall-clock limit in seconds
 * (0 or less: none), solver threads, and the gap tolerance: the exact search stops once the best
 * schedule is within this fraction of its energy above the proven lower bound (0: go on until
 * optimality is proven). A solve stopped by the tolerance is FEASIBLE with its gap, never OPTIMAL.
 */
public record SolveOptions(String solver, double timeLimitSeconds, int threads, double gapTolerance) {

    /** The most solver threads a user may ask for: more than any machine this runs on has cores. */
    public static final int MAX_THREADS = 1024;

    /**
     * A time limit as a user gives it (option, session): a positive finite number of seconds.
     *
     * @throws IllegalArgumentException saying what it must be and what it was
     */
    public static double requireTimeLimit(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("must be a positive finite number of seconds (was " + shown(seconds)
                    + ")");
        }
        return seconds;
    }

    /**
     * Solver threads as a user gives them (option, session): a whole number from 1 to {@link #MAX_THREADS}.
     *
     * @throws IllegalArgumentException saying what they must be and what they were
     */
    public static int requireThreads(double threads) {
        if (!(threads >= 1 && threads <= MAX_THREADS) || threads != Math.rint(threads)) {
            throw new IllegalArgumentException("must be a whole number from 1 to " + MAX_THREADS + " (was "
                    + shown(threads) + ")");
        }
        return (int) threads;
    }

    /** A number as a person wrote it: whole numbers without ".0". */
    private static String shown(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

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
