package org.poetexplorer.io;

import java.nio.file.Path;

/**
 * A solved case of the reference (../shared/reference/cases.json): a network file, budgets,
 * the status the reference found ("INFEASIBLE", "OPTIMAL" or "FEASIBLE_OR_OPTIMAL") and the
 * lowest valid energy known, null when infeasible.
 */
public record SolveCase(String id, Path graph, long ramBudgetBytes, double runtimeBudgetRatio, boolean paging,
        boolean remat, String expectedStatus, Double bestKnownJ) {

    public boolean expectsInfeasible() {
        return "INFEASIBLE".equals(expectedStatus);
    }
}
