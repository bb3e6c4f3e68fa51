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
