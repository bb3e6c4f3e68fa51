package org.poetexplorer.solver;

import java.util.function.LongSupplier;

/**
 * How the wall-clock time of one solve is shared among its phases. Without a time limit the
 * fast heuristic, the covering program and, with recomputation, the gap model each get a fixed
 * time, and the stage model has no limit; with one, each gets a share of it and the stage model
 * the rest. The heuristic's share matters most on large graphs: it converges (its work is
 * capped, not its time) within a second or two on a busy machine, and its schedule meets the
 * cover bound where the exact models cannot even be loaded in a short limit; cut short, it
 * leaves a gap nothing later closes.
 */
final class TimeShares {
    /** The covering program's time without a time limit: it is small and usually proven well within it. */
    static final double COVER_PROGRAM_SECONDS = 10;
    /** The gap model's time without a time limit, when recomputation is on (it only seeds the stage model). */
    static final double GAP_MODEL_SECONDS = 10;
    /** The fast heuristic's time without a time limit (it stops earlier when it converges). */
    static final double HEURISTIC_SECONDS = 3;
    /** The fast heuristic gets a fifth of a time limit, at least this (the first schedule comes fast). */
    static final double HEURISTIC_MIN_SECONDS = 0.3;
    /** The covering program gets a tenth of a time limit. */
    static final double COVER_PROGRAM_PARTS = 10;
    /**
     * The covering program by moments (small graphs only) gets three tenths of a time limit:
     * on the generated 100-node graph at 0.8 of the plain peak SCIP proved it in 5-20 s on the
     * busy 2-core machine, where a tenth of a minute was not enough.
     */
    static final double COVER_RUNS_PARTS = 10.0 / 3;
    /** The gap model gets a quarter of a time limit, when recomputation is on. */
    static final double GAP_MODEL_PARTS = 4;

    private final double limitSeconds;
    private final LongSupplier nanoClock;
    private final long startNanos;

    /** @param limitSeconds the solve's time limit; 0 or less: none */
    TimeShares(double limitSeconds) {
        this(limitSeconds, System::nanoTime);
    }

    TimeShares(double limitSeconds, LongSupplier nanoClock) {
        this.limitSeconds = limitSeconds;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    double elapsedSeconds() {
        return (nanoClock.getAsLong() - startNanos) / 1e9;
    }

    boolean hasLimit() {
        return limitSeconds > 0;
    }

    boolean isUp() {
        return hasLimit() && elapsedSeconds() >= limitSeconds;
    }

    /** Seconds left of the limit (at least 0.01), or 0 for no limit. */
    double remainingSeconds() {
        return hasLimit() ? Math.max(0.01, limitSeconds - elapsedSeconds()) : 0;
    }

    double heuristicSeconds() {
        return hasLimit() ? Math.min(remainingSeconds(), Math.max(HEURISTIC_MIN_SECONDS, limitSeconds / 5))
                : HEURISTIC_SECONDS;
    }

    double coverProgramSeconds() {
        return hasLimit() ? share(COVER_PROGRAM_PARTS) : COVER_PROGRAM_SECONDS;
    }

    double coverRunsSeconds() {
        return hasLimit() ? share(COVER_RUNS_PARTS) : 3 * COVER_PROGRAM_SECONDS;
    }

    double gapModelSeconds() {
        return hasLimit() ? share(GAP_MODEL_PARTS) : GAP_MODEL_SECONDS;
    }

    /** One of {@code parts} equal parts of the limit, at least a second, at most what is left. */
    private double share(double parts) {
        return Math.min(remainingSeconds(), Math.max(1.0, limitSeconds / parts));
    }
}
