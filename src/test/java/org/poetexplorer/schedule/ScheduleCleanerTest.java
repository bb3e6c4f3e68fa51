package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

class ScheduleCleanerTest {
    private final TrainingGraph g = ScheduleFixtures.graph("linear__m0", ScheduleFixtures.m0());
    private final Budget b = ScheduleFixtures.roomy();

    @Test
    void aFreeRecomputeOfTheInputAlreadyInRamIsLeftOutAndTheScheduleBecomesValid() {
        boolean[][] r = ScheduleBuilder.plainPlan(g).copyR();
        StagePlan plain = ScheduleBuilder.plainPlan(g);
        r[5][0] = true; // the input is in RAM in stage 5: this "recompute" costs 0 J and does nothing
        Schedule wasteful = ScheduleBuilder.build(g, b, new StagePlan(r, plain.copySRam(), plain.copySSd(),
                plain.copyMIn(), plain.copyMOut()));
        ReplayReport before = ReplayChecker.check(wasteful, g.plainEnergyJ());
        assertEquals(ReplayChecker.COMPUTE_OF_OUTPUT_IN_RAM, before.rule(), before.describe());

        Schedule clean = ScheduleCleaner.clean(wasteful);
        assertEquals(wasteful.ops().size() - 1, clean.ops().size());
        assertEquals(0, ScheduleSummary.of(clean).counts().recompute());
        ReplayReport after = ReplayChecker.check(clean, g.plainEnergyJ());
        assertTrue(after.valid(), after.describe());
        assertEquals(ScheduleBuilder.plain(g, b).ops(), clean.ops());
    }

    @Test
    void aRecomputeFreedBeforeAnyoneUsesItIsLeftOutWithItsFree() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        boolean[][] r = hand.copyR();
        boolean[][] sRam = hand.copySRam();
        // keep the input in RAM throughout, so node 1 can be recomputed in stage 10 for nothing
        for (int t = 1; t <= 26; t++) {
            sRam[t][0] = true;
        }
        r[10][1] = true;
        Schedule wasteful = ScheduleBuilder.build(g, b, new StagePlan(r, sRam, hand.copySSd(), hand.copyMIn(),
                hand.copyMOut()));
        assertTrue(ReplayChecker.check(wasteful, ScheduleFixtures.energy(wasteful)).valid());
        int waste = ScheduleFixtures.indexOf(wasteful, 10, OpKind.RECOMPUTE, 1);
        assertEquals(OpKind.FREE, wasteful.ops().get(waste + 2).kind(), "recompute 1, compute 10, free 1");

        Schedule clean = ScheduleCleaner.clean(wasteful);
        assertEquals(wasteful.ops().size() - 2, clean.ops().size());
        double expected = ScheduleFixtures.energy(wasteful) - g.computeJ(1);
        assertEquals(expected, ScheduleFixtures.energy(clean), 1e-15);
        ReplayReport after = ReplayChecker.check(clean, expected);
        assertTrue(after.valid(), after.describe());
        ScheduleSummary sum = ScheduleSummary.of(clean);
        assertEquals(1, sum.counts().recompute(), "the useful recompute in stage 25 stays");
        assertEquals(ScheduleSummary.of(wasteful).totalTimeS() - g.runtime(1), sum.totalTimeS(), 1e-12);
    }

    @Test
    void aScheduleWithoutWasteIsReturnedAsItIs() {
        Schedule s = ScheduleBuilder.build(g, b, ScheduleFixtures.linearPagingAndRecompute(g));
        assertSame(s, ScheduleCleaner.clean(s));
    }
}
