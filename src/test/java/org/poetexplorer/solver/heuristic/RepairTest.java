package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/** The repair's recomputations of outputs that pass through stages over the budget. */
class RepairTest {

    /**
     * The work arrays a search reuses from fix to fix leave nothing behind: every fix asked
     * through one set of them is the fix asked with fresh ones (the same chain and score), for
     * every output resident at a stage over the budget of a generated graph where everything is
     * kept, with chains of up to 200 nodes as the search over the budget asks for.
     */
    @Test
    void reusedWorkArraysGiveTheFixesOfFreshOnes() {
        TrainingGraph g = GeneratedGraphs.layered(120, 0.3, 2, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        PlanState s = new PlanState(g, b, false);
        Repair.ChainScratch reused = new Repair.ChainScratch(s.n);
        int compared = 0;
        int withChain = 0;
        for (int t = 0; t < s.n; t++) {
            if (s.peak[t] <= s.ramBudget) {
                continue;
            }
            for (int i = 0; i < t; i++) {
                int d = s.k[t][i] ? (s.dem[t][i] ? t : s.nextDemand(i, t)) : -1;
                if (d < 0) {
                    continue;
                }
                long excess = s.peak[t] - s.ramBudget;
                Repair.Fix fresh = Repair.recomputeFix(s, i, d, t, excess, 200, new Repair.ChainScratch(s.n));
                Repair.Fix again = Repair.recomputeFix(s, i, d, t, excess, 200, reused);
                compared++;
                if (fresh == null) {
                    assertEquals(null, again, "stage " + t + ", output " + i);
                    continue;
                }
                withChain += fresh.chain().length > 1 ? 1 : 0;
                assertArrayEquals(fresh.chain(), again.chain(), "stage " + t + ", output " + i);
                assertEquals(fresh.score(), again.score(), 0.0, "stage " + t + ", output " + i);
            }
        }
        assertTrue(compared > 100 && withChain > 10, compared + " fixes, " + withChain + " with inputs recomputed too");
    }
}
