package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.FastSchedulerTest;
import org.poetexplorer.solver.heuristic.HeuristicPlan;
import org.poetexplorer.solver.phases.CoverBound;

class MinimalRamTest {
    private final FastScheduler scheduler = new FastScheduler();

    @Test
    void theFiguresAreOrdered() {
        for (String network : ReferenceData.NETWORKS) {
            TrainingGraph g = ReferenceData.graph(network, "a72");
            long nec = Plans.workingSetFloorBytes(g);
            long paging = MinimalRam.pagingOnlyBytes(g);
            long plain = Plans.plainPeakBytes(g);
            assertTrue(nec <= paging && paging <= plain, network);
        }
    }

    /** The achievable figure is a budget the scheduler really meets, and nothing fits below the necessary one. */
    @Test
    void achievableRamIsMetAndNoLowerThanNecessary() {
        for (String network : ReferenceData.NETWORKS) {
            TrainingGraph g = ReferenceData.graph(network, "a72");
            for (boolean paging : new boolean[] {true, false}) {
                for (boolean remat : new boolean[] {true, false}) {
                    Allowance b = new Allowance(1.5, paging, remat);
                    long x = MinimalRam.achievableBytes(g, b, scheduler);
                    String what = network + " paging=" + paging + " remat=" + remat;
                    if (!paging && !remat) {
                        assertEquals(Plans.plainPeakBytes(g), x, what);
                    }
                    assertTrue(x >= Plans.workingSetFloorBytes(g), what);
                    long floor = MinimalRam.provenFloorBytes(g, b);
                    assertTrue(floor >= Plans.workingSetFloorBytes(g) && floor <= x, what + ": proven floor " + floor);
                    assertTrue(CoverBound.provesInfeasible(g, b.withRam(floor - 1)), what);
                    HeuristicPlan p = scheduler.schedule(g, b.withRam(x)).orElseThrow(() -> new AssertionError(what));
                    FastSchedulerTest.assertValid(g, b.withRam(x), p, what);
                }
            }
        }
    }

    @Test
    void noRuntimeBelowOnePlainStep() {
        TrainingGraph g = ReferenceData.graph("linear", "a72");
        assertEquals(-1, MinimalRam.achievableBytes(g, new Allowance(0.9, true, true), scheduler));
    }
}
