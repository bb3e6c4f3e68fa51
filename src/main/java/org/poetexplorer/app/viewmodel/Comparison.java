package org.poetexplorer.app.viewmodel;

import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * Where a comparison solve (the same budgets with only rematerialization or only paging)
 * ended: its result with its schedule's summary, or why there is none. Until it ends, there is
 * no comparison (null).
 */
public record Comparison(SolveResult result, ScheduleSummary summary, String note) {

    /** Where a solve ended; works out its schedule's summary (any thread). */
    static Comparison of(SolveResult result) {
        return new Comparison(result, result.hasSchedule() ? ScheduleSummary.of(result.schedule()) : null,
                result.hasSchedule() ? null : result.status() == SolveStatus.INFEASIBLE ? "infeasible" : "no schedule");
    }

    static Comparison failed(Throwable error) {
        return new Comparison(null, null, "failed: " + Notice.reason(error));
    }

    static Comparison notRun(String why) {
        return new Comparison(null, null, why);
    }

    public boolean hasSchedule() {
        return result != null && result.hasSchedule();
    }
}
