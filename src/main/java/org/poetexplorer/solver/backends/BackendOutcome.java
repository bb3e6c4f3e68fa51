package org.poetexplorer.solver.backends;

/**
 * What a backend reports: how it ended, its best point (model columns, or null), that point's
 * model objective and the best proven bound on the model objective ({@code -Infinity} if none).
 */
public record BackendOutcome(Kind kind, double[] x, double objective, double bound, String detail) {

    public enum Kind {
        /** The backend proved {@code x} optimal (to its configured gap). */
        OPTIMAL,
        /** {@code x} is the best found; not proven. */
        FEASIBLE,
        /** The backend proved that the model has no solution. */
        INFEASIBLE,
        /** Stopped (time, cancel) without a solution. */
        NO_SOLUTION,
        /** The backend failed; {@code detail} says how. */
        ERROR
    }

    public static BackendOutcome none(Kind kind, double bound, String detail) {
        return new BackendOutcome(kind, null, Double.NaN, bound, detail);
    }
}
