package org.poetexplorer.app.viewmodel;

import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.SolveStatus;

/**
 * One finished solve in the session's history: the inputs that matter for the trade-off
 * charts and what came out (energy and peak are NaN / -1 when there was no schedule).
 */
public record SolveRecord(String graphKey, long ramBudgetBytes, Allowance allowance, SolveStatus status, double energyJ, long peakRamBytes, double solveSeconds) {

    /** What tells the graphs of the history apart: network, device and size. */
    public static String keyOf(TrainingGraph g) {
        return g.name() + "@" + g.deviceId() + "#" + g.size();
    }

    public boolean hasSchedule() {
        return peakRamBytes >= 0;
    }

    /** Whether this solve lies on the trade-off curve of graph {@code key} under {@code a} (every switch alike). */
    public boolean sameCurveAs(String key, Allowance a) {
        return graphKey.equals(key) && allowance.equals(a);
    }
}
