package org.poetexplorer.solver.backends;

import java.util.function.Consumer;

/** One solver behind the stage model. Implementations are stateless; each solve is independent. */
public interface Backend {

    String name();

    /** True when the backend needs the all-integer model (bytes, scaled integer energies); else the scaled one. */
    default boolean needsIntegerModel() {
        return false;
    }

    /** The relative (and absolute) gap at which a backend stops when it is asked for optimality. */
    double EXACT_GAP = 1e-9;

    /** Solves {@code lp} to optimality (to {@link #EXACT_GAP}); see the other {@code solve}. */
    default BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, int threads,
            Cancellation cancel, Consumer<double[]> onSolution) {
        return solve(lp, hint, deadline, EXACT_GAP, threads, cancel, onSolution);
    }

    /**
     * Solves {@code lp}. {@code hint} is a point of the model (NaN entries: no hint) or null.
     * The search ends by {@code deadline}, or once the backend's own relative gap between its
     * best solution and its bound is at most {@code relativeGap} (at least {@link #EXACT_GAP}).
     * Improving solutions found on the way are passed to {@code onSolution} (as model points)
     * when the backend can report them; the final one is in the outcome. Returns promptly after
     * {@code cancel} fires, and soon after the deadline even when the solver itself overruns it.
     */
    BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel, Consumer<double[]> onSolution);

    /** How much a backend presolves before its search; a backend without the choice presolves as it always does. */
    enum Presolve {
        /** The backend's own default. */
        FULL,
        /**
         * Without probing (setting each binary to 0 and to 1 in turn and propagating, to learn
         * fixings and implications). On the remat-only stage model it finds almost nothing and
         * costs much: on a generated 100-node graph at 0.9 of the plain peak (25,018 columns)
         * SCIP's presolve probed for 29 s of a 74 s proof and fixed no variable; without it the
         * proof took 47 s (45 s against 57 s through OR-Tools, side by side, from the same hint).
         */
        WITHOUT_PROBING
    }

    /** As the other {@code solve}, presolving as {@code presolve} says. */
    default BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel, Consumer<double[]> onSolution, Presolve presolve) {
        return solve(lp, hint, deadline, relativeGap, threads, cancel, onSolution);
    }
}
