package org.poetexplorer.solver;

/** Hears about a solve while it runs. Called on the solving thread; implementations must be quick. */
public interface SolveListener {
    SolveListener NONE = new SolveListener() {
    };

    /** A better valid schedule was found (status FEASIBLE, or OPTIMAL at the end). */
    default void onIncumbent(SolveResult incumbent) {
    }

    /** A progress note: phase name and best bound so far, if any. */
    default void onProgress(String phase, Double lowerBoundJ) {
    }
}
