package org.poetexplorer.solver.phases;

import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/** A covering program whose proven bound bounds every schedule's energy, and whose solutions describe a schedule. */
public interface CoverModel {
    LinearModel lp();

    /** A lower bound on every schedule's energy from a proven bound on the program's objective. */
    double energyBoundJ(double objectiveBound);

    /**
     * The energy bound of a program whose objective counts extra energy in units of {@code unitJ}:
     * the plain energy plus that extra, lowered by a relative 1e-9 so that rounding can never overstate it.
     */
    static double energyBoundJ(double plainEnergyJ, double unitJ, double objectiveBound) {
        return (plainEnergyJ + Math.max(0, objectiveBound) * unitJ) * (1 - 1e-9);
    }

    /** The schedule built from a solution; it may not fit, so the caller verifies it. */
    StagePlan plan(double[] x);
}
