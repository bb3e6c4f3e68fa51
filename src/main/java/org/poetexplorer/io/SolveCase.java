package org.poetexplorer.io;

import org.poetexplorer.model.Budget;

/**
 * One solved case of a cases file: the network file it names (as written there, relative to
 * the cases file), the budgets, the status found for it ("INFEASIBLE", "OPTIMAL" or
 * "FEASIBLE_OR_OPTIMAL") and the lowest valid energy known, null when infeasible.
 */
public record SolveCase(String id, String graph, long ramBudgetBytes, double runtimeBudgetRatio, boolean paging,
        boolean remat, String expectedStatus, Double bestKnownJ) {

    public boolean expectsInfeasible() {
        return "INFEASIBLE".equals(expectedStatus);
    }

    public Budget budget() {
        return new Budget(ramBudgetBytes, runtimeBudgetRatio, paging, remat);
    }
}
