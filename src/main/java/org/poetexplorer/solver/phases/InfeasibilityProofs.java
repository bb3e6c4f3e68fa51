package org.poetexplorer.solver.phases;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/**
 * The two proofs that settle a solve before anything is built, from the graph alone.
 * <ul>
 * <li>Working set: computing node k needs all of k's inputs in RAM and k's output allocated at
 *   once, so a budget below {@link Plans#workingSetFloorBytes} admits no schedule.</li>
 * <li>Runtime: every schedule computes every node at least once, so its compute time is at
 *   least one plain step; a runtime budget below one plain step admits no schedule.</li>
 * </ul>
 */
public final class InfeasibilityProofs {
    private InfeasibilityProofs() {
    }

    /** Why no schedule can exist under {@code b}, or null when these proofs do not rule it out. */
    public static String reason(TrainingGraph g, Budget b) {
        long need = Plans.workingSetFloorBytes(g);
        if (b.ramBytes() < need) {
            return "the RAM budget " + b.ramBytes() + " B is below the " + need
                    + " B that the largest node needs with its inputs";
        }
        if (b.runtimeRatio() < 1 && g.plainRuntimeS() > 0) {
            return "the runtime budget " + b.runtimeRatio() + " x is below one plain step (every node must run once)";
        }
        return null;
    }
}
