package org.poetexplorer.solver.phases;

import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/** A covering program whose proven bound bounds every schedule's energy, and whose solutions describe a schedule. */
public interface CoverModel {
    LinearModel lp();

    /** A lower bound on every schedule's energy from a proven bound on the program's objective. */
    double energyBoundJ(double objectiveBound);

    /** The schedule built from a solution; it may not fit, so the caller verifies it. */
    StagePlan plan(double[] x);
}
