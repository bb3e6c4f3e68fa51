package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.phases.CoverBound;

/**
 * A wide grid of budgets on every device and every network (RAM from 80 % down to 15 % of the
 * plain peak x a tight and a loose runtime x the switch combinations): every schedule the fast
 * scheduler returns is valid, is nothing but what it needs, costs at least the proven bound, and
 * is the same when asked twice; it finds one wherever paging alone fits, and none where the bound
 * proves that nothing fits.
 *
 * <p>The grid is a Latin square rather than the full product: each device takes every network,
 * runtime and switch combination, and the RAM fraction turns with the device, so that over the
 * four devices every network meets every RAM fraction with every runtime and every switch
 * combination once. A quarter of the product's solves, with every pairing of two factors
 * covered.
 */
class FastSchedulerSweepTest {
    /** Long enough that the improvement ends by its work cap, never by the clock: the answer is repeatable. */
    private static final FastScheduler PATIENT = new FastScheduler(Duration.ofSeconds(60));

    private static final double[] FRACTIONS = {0.8, 0.5, 0.3, 0.15};
    private static final double[] RUNTIMES = {1.05, 1.5};

    static Stream<Arguments> devices() {
        return ReferenceData.DEVICES.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("devices")
    void everyScheduleOfAGridOfBudgetsIsValidAboveTheBoundAndRepeatable(String device) {
        int d = ReferenceData.DEVICES.indexOf(device);
        int found = 0;
        int tried = 0;
        for (int n = 0; n < ReferenceData.NETWORKS.size(); n++) {
            String network = ReferenceData.NETWORKS.get(n);
            TrainingGraph g = ReferenceData.graph(network, device);
            long plain = Plans.plainPeakBytes(g);
            for (int r = 0; r < RUNTIMES.length; r++) {
                for (int sw = 0; sw < 3; sw++) {
                    double fraction = FRACTIONS[(d + n + r + sw) % FRACTIONS.length];
                    Budget b = new Budget((long) (plain * fraction), RUNTIMES[r], sw != 1, sw != 2);
                    String what = network + " on " + device + ", " + b;
                    tried++;
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
        assertTrue(2 * found > tried, "schedules found on " + device + ": " + found + " of " + tried);
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
