package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.phases.CoverBound;

/**
 * A wide grid on every device (networks x RAM from 80 % down to 15 % of the plain peak x a
 * tight and a loose runtime x the switch combinations): every schedule the fast scheduler
 * returns is valid, is nothing but what it needs, costs at least the proven bound, and is the
 * same when asked twice; it finds one wherever paging alone fits, and none where the bound
 * proves that nothing fits.
 */
class FastSchedulerSweepTest {
    /** Long enough that the improvement ends by its work cap, never by the clock: the answer is repeatable. */
    private static final FastScheduler PATIENT = new FastScheduler(Duration.ofSeconds(60));

    @ParameterizedTest
    @ValueSource(strings = {"a72", "m4", "m0", "a72nocache"})
    void everyScheduleOfAGridOfBudgetsIsValidAboveTheBoundAndRepeatable(String device) {
        int found = 0;
        for (String network : Graphs.NETWORKS) {
            TrainingGraph g = Graphs.reference(network, device);
            long plain = Plans.plainPeakBytes(g);
            for (double fraction : new double[] {0.8, 0.5, 0.3, 0.15}) {
                for (double runtime : new double[] {1.05, 1.5}) {
                    for (int sw = 0; sw < 3; sw++) {
                        Budget b = new Budget((long) (plain * fraction), runtime, sw != 1, sw != 2);
                        String what = network + " on " + device + ", " + b;
                        Optional<HeuristicPlan> p = PATIENT.schedule(g, b);
                        double bound = CoverBound.energyJ(g, b);
                        if (p.isEmpty()) {
                            assertFalse(b.paging() && b.ramBytes() >= MinimalRam.pagingOnlyBytes(g),
                                    what + ": none although paging alone fits");
                            continue;
                        }
                        found++;
                        FastSchedulerTest.assertValid(g, b, p.get(), what);
                        assertTrue(p.get().energyJ() >= bound, what + ": below the proven bound " + bound);
                        assertSamePlan(p.get().plan(), PATIENT.schedule(g, b).orElseThrow().plan(), what);
                    }
                }
            }
        }
        assertTrue(found > 100, "schedules found: " + found);
    }

    private static void assertSamePlan(StagePlan p, StagePlan q, String what) {
        for (int t = 0; t < p.size(); t++) {
            assertArrayEquals(p.computed(t), q.computed(t), what + ": asked twice, stage " + t + " computes");
            assertArrayEquals(p.kept(t), q.kept(t), what + ": asked twice, stage " + t + " keeps");
            assertArrayEquals(p.pageIns(t), q.pageIns(t), what + ": asked twice, stage " + t + " pages in");
            assertArrayEquals(p.pageOuts(t), q.pageOuts(t), what + ": asked twice, stage " + t + " pages out");
        }
        assertEquals(p.size(), q.size());
    }
}
