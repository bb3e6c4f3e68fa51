package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.phases.CoverBound;

/**
 * Without recomputation the only real choice is, for each gap between two uses of an output,
 * to keep it in RAM or to page it in again (keeping it part of the way costs the same page-in
 * and more RAM; one page-out suffices). So on a small network every schedule worth having can
 * be enumerated: the scheduler must find the cheapest one that fits.
 */
class PagingOnlyOptimumTest {

    @ParameterizedTest
    @ValueSource(strings = {"a72", "m0", "m4", "a72nocache"})
    void linearMatchesExhaustiveSearch(String device) {
        TrainingGraph g = ReferenceData.graph("linear", device);
        long min = MinimalRam.pagingOnlyBytes(g);
        long plain = Plans.plainPeakBytes(g);
        for (int k = 0; k <= 4; k++) {
            Budget b = new Budget(min + (plain - min) * k / 5, 1.0, true, false);
            double best = exhaustive(g, b);
            HeuristicPlan p = new FastScheduler().schedule(g, b).orElseThrow();
            FastSchedulerTest.assertValid(g, b, p, device + " " + b);
            assertEquals(best, p.energyJ(), 1e-12 * best, device + " " + b);
            assertTrue(CoverBound.energyJ(g, b) <= best);
        }
    }

    /** Least energy over all keep/page choices per gap, among those within budget. */
    private static double exhaustive(TrainingGraph g, Budget b) {
        PlanState s = new PlanState(g, b, false);
        List<int[]> gaps = new ArrayList<>();
        for (int t = 2; t < g.size(); t++) {
            for (int i = 0; i < t - 1; i++) {
                if (s.dem[t][i] && s.previousEvent(i, t) < t - 1) {
                    gaps.add(new int[] {t, i});
                }
            }
        }
        assertTrue(gaps.size() >= 5 && gaps.size() <= 20, "a real choice, small enough to enumerate: " + gaps.size());
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << gaps.size(); mask++) {
            int m = s.mark();
            for (int x = 0; x < gaps.size(); x++) {
                s.setPin(gaps.get(x)[0], gaps.get(x)[1], (mask >> x & 1) == 1);
            }
            s.refresh();
            if (s.feasible()) {
                best = Math.min(best, s.exactEnergyJ());
            }
            s.rollback(m);
        }
        return best;
    }
}
