package org.poetexplorer.app;

import org.poetexplorer.solver.SolveStatus;

/**
 * One finished solve in the session's history: the inputs that matter for the trade-off
 * charts and what came out (energy and peak are NaN / -1 when there was no schedule).
 */
record SolveRecord(String graphKey, long ramBudgetBytes, double runtimeRatio, boolean paging, boolean remat,
        SolveStatus status, double energyJ, long peakRamBytes, double solveSeconds) {

    boolean hasSchedule() {
        return peakRamBytes >= 0;
    }

    boolean sameCurveAs(String key, double ratio, boolean pagingOn, boolean rematOn) {
        return graphKey.equals(key) && runtimeRatio == ratio && paging == pagingOn && remat == rematOn;
    }
}
