package org.poetexplorer.solver;

/**
 * How to solve: backend name (see {@code Backends}), wall-clock limit in seconds
 * (0 or less: none) and solver threads.
 */
public record SolveOptions(String solver, double timeLimitSeconds, int threads) {

    public SolveOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1 (was " + threads + ")");
        }
        if (Double.isNaN(timeLimitSeconds)) {
            throw new IllegalArgumentException("time limit: must be a number (was NaN)");
        }
    }
}
