package org.poetexplorer.solver;

/** How a solve ended. OPTIMAL only when a solver or a bound proved it. */
public enum SolveStatus {
    OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN
}
