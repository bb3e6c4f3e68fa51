package org.poetexplorer.solver.backends;

import java.util.function.Consumer;

/** One solver behind the stage model. Implementations are stateless; each solve is independent. */
public interface Backend {

    String name();

    /** True when the backend needs the all-integer model (bytes, scaled integer energies); else the scaled one. */
    default boolean needsIntegerModel() {
        return false;
    }

    /**
     * Solves {@code lp}. {@code hint} is a point of the model (NaN entries: no hint) or null.
     * The search ends by {@code deadline}. Improving solutions found on the way are
     * passed to {@code onSolution} (as model points) when the backend can report them; the
     * final one is in the outcome. Returns promptly after {@code cancel} fires, and soon after
     * the deadline even when the solver itself overruns it.
     */
    BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, int threads,
            Cancellation cancel, Consumer<double[]> onSolution);
}
