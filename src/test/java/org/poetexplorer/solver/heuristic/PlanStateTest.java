package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.SectionFourCheck;
import org.poetexplorer.schedule.StagePlan;

/** The incremental evaluation agrees with evaluating from scratch, and rollback restores exactly. */
class PlanStateTest {
    private final TrainingGraph g = ReferenceData.graph("resnet18_cifar", "m4");
    private final Budget b = new Budget(Plans.plainPeakBytes(g) / 3, 3.0, true, true);

    @Test
    void incrementalEqualsFromScratchUnderRandomChangesAndRollbacks() {
        PlanState s = new PlanState(g, b, true);
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            boolean undo = round % 3 == 0;
            int m = s.mark();
            long[] peaksBefore = s.peak.clone();
            double energyBefore = s.energyJ();
            for (int step = 0; step < 5; step++) {
                int t = 1 + random.nextInt(g.size() - 1);
                int i = random.nextInt(t);
                if (random.nextBoolean()) {
                    s.setR(t, i, random.nextInt(4) == 0);
                } else {
                    s.setPin(t, i, random.nextBoolean());
                }
            }
            s.refresh();
            if (undo) {
                s.rollback(m);
                assertArrayEquals(peaksBefore, s.peak, "rollback restores every stage's peak");
                assertEquals(energyBefore, s.energyJ(), 1e-12 * energyBefore);
            } else {
                s.commit();
            }
            assertMatchesFromScratch(s);
        }
    }

    /** {@code eventIn} tells what {@code previousEvent} does about a range of stages (Repair's test of a crossing input). */
    @Test
    void eventInAgreesWithPreviousEvent() {
        PlanState s = new PlanState(g, b, false);
        Random random = new Random(3);
        for (int q = 0; q < 200; q++) {
            int t = 1 + random.nextInt(g.size() - 1);
            s.setR(t, random.nextInt(t), true);
        }
        s.commit();
        for (int q = 0; q < 2000; q++) {
            int to = 1 + random.nextInt(g.size() - 1);
            int i = random.nextInt(to);
            int from = random.nextInt(to + 1);
            assertEquals(s.previousEvent(i, to) >= from, s.eventIn(i, from, to), "node " + i + ", stages " + from
                    + " to " + to);
        }
    }

    /**
     * Without paging, a state that derives each recomputation in place ends every batch of
     * changes, rollback and commit with the same demands, residency, peaks and energy as one that
     * re-derives whole columns: the annealing's moves keep their results.
     */
    @Test
    void localDerivationEqualsColumnDerivation() {
        TrainingGraph gen = GeneratedGraphs.layered(120, 0.43, 1, "m4", 1e-4);
        Budget rematOnly = new Budget(Math.round(Plans.plainPeakBytes(gen) * 0.8), 2, false, true);
        StagePlan start = ForwardScheduler.schedule(gen, rematOnly, () -> false).orElseThrow();
        PlanState local = new PlanState(gen, rematOnly, start);
        local.deriveLocally();
        PlanState columns = new PlanState(gen, rematOnly, start);
        Random random = new Random(11);
        int n = gen.size();
        for (int round = 0; round < 400; round++) {
            int m = local.mark();
            int mc = columns.mark();
            for (int step = 0; step < 1 + random.nextInt(3); step++) {
                int t = 1 + random.nextInt(n - 1);
                int i = random.nextInt(t);
                // mostly outputs the stage uses, as the annealing's moves; sometimes any
                boolean v = random.nextInt(4) == 0 || local.dem[t][i];
                local.setR(t, i, v);
                columns.setR(t, i, v);
            }
            local.refresh();
            columns.refresh();
            assertSameDerivation(columns, local);
            if (round % 3 == 0) {
                local.rollback(m);
                columns.rollback(mc);
            } else {
                local.commit();
                columns.commit();
            }
            assertSameDerivation(columns, local);
        }
    }

    private static void assertSameDerivation(PlanState expected, PlanState actual) {
        for (int t = 0; t < expected.n; t++) {
            assertArrayEquals(expected.r[t], actual.r[t], "r of stage " + t);
            assertArrayEquals(expected.dem[t], actual.dem[t], "demands of stage " + t);
            assertArrayEquals(expected.k[t], actual.k[t], "residency at the start of stage " + t);
        }
        assertArrayEquals(expected.peak, actual.peak);
        assertEquals(expected.overflowBytes(), actual.overflowBytes());
        assertEquals(expected.energyJ(), actual.energyJ());
        assertEquals(expected.runtimeS(), actual.runtimeS());
    }

    private void assertMatchesFromScratch(PlanState s) {
        long overflow = 0;
        for (int t = 0; t < g.size(); t++) {
            long fresh = s.simulate(t);
            assertEquals(fresh, s.peak[t], "stage " + t);
            overflow += Math.max(0, fresh - b.ramBytes());
        }
        assertEquals(overflow, s.overflowBytes());
        assertEquals(s.exactEnergyJ(), s.energyJ(), 1e-9 * s.exactEnergyJ());
        // the derived matrices are a plan of the model, with the same peak and energy
        var plan = s.toStagePlan();
        Budget roomy = b.withRam(Long.MAX_VALUE / 8).withRuntimeRatio(100);
        assertNull(SectionFourCheck.violation(g, roomy, plan));
        assertEquals(SectionFourCheck.objective(g, plan), s.exactEnergyJ(), 1e-9 * s.exactEnergyJ());
        assertEquals(SectionFourCheck.peak(g, plan), s.peakRam());
        // and the engine's one replay of that plan gives the same figures
        PlanReplay replay = PlanReplay.of(g, roomy, plan);
        assertNull(replay.problem());
        assertEquals(replay.energyJ(), s.exactEnergyJ(), 1e-9 * s.exactEnergyJ());
        assertEquals(replay.runtimeS(), s.exactRuntimeS(), 1e-9 * s.exactRuntimeS());
        assertEquals(replay.peakRamBytes(), s.peakRam());
    }
}
