package org.poetexplorer.app.viewmodel;

import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * Where a comparison solve (the same budgets with only rematerialization or only paging)
 * ended: its result, or why there is none. Until it ends, there is no comparison (null).
 */
public record Comparison(SolveResult result, String note) {

    static Comparison of(SolveResult result) {
        return new Comparison(result, result.hasSchedule() ? null
                : result.status() == SolveStatus.INFEASIBLE ? "infeasible" : "no schedule");
    }

    static Comparison failed(Throwable error) {
        return new Comparison(null, "failed: " + Notice.reason(error));
    }

    static Comparison notRun(String why) {
        return new Comparison(null, why);
    }

    public boolean hasSchedule() {
        return result != null && result.hasSchedule();
    }
}
