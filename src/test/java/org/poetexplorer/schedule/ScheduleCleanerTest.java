package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

class ScheduleCleanerTest {
    private final TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
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
        // keep the input in RAM throughout (no paging), so node 1 can be recomputed in stage 10 for nothing
        for (int t = 1; t <= 26; t++) {
            sRam[t][0] = true;
        }
        r[10][1] = true;
        int n = g.size();
        Schedule wasteful = ScheduleBuilder.build(g, b, new StagePlan(r, sRam, new boolean[n][n], new boolean[n][n],
                new boolean[n][n]));
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
    void pagingNobodyReadsIsLeftOut() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        boolean[][] mOut = hand.copyMOut();
        boolean[][] mIn = hand.copyMIn();
        boolean[][] sSd = hand.copySSd();
        mOut[10][3] = true; // never paged back in
        for (int t = 11; t <= 26; t++) {
            sSd[t][3] = true;
        }
        mIn[12][0] = true; // paged in at the end of stage 12 and freed in stage 13 unused
        Schedule wasteful = ScheduleBuilder.build(g, b, new StagePlan(hand.copyR(), hand.copySRam(), sSd, mIn, mOut));
        ReplayReport before = ReplayChecker.check(wasteful, ScheduleFixtures.energy(wasteful));
        assertTrue(before.valid(), before.describe());
        int pageIn = ScheduleFixtures.indexOf(wasteful, 12, OpKind.PAGE_IN, 0);
        assertEquals(OpKind.FREE, wasteful.ops().get(ScheduleFixtures.indexOf(wasteful, 13, OpKind.FREE, 0)).kind());
        assertTrue(pageIn > 0);

        Schedule clean = ScheduleCleaner.clean(wasteful);
        Schedule expected = ScheduleBuilder.build(g, b, hand);
        assertEquals(expected.ops(), clean.ops());
        assertEquals(ScheduleFixtures.LINEAR_M0_PLAIN_J + ScheduleFixtures.LINEAR_M0_EXTRA_J,
                ScheduleFixtures.energy(clean), 1e-15);
    }

    @Test
    void aSecondPageOutOfAnOutputAlreadyOnStorageIsLeftOut() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        boolean[][] mOut = hand.copyMOut();
        boolean[][] sRam = hand.copySRam();
        // keep the input in RAM into stage 2 and page it out a second time there
        sRam[2][0] = true;
        mOut[2][0] = true;
        Schedule wasteful = ScheduleBuilder.build(g, b, new StagePlan(hand.copyR(), sRam, hand.copySSd(),
                hand.copyMIn(), mOut));
        assertTrue(ReplayChecker.check(wasteful, ScheduleFixtures.energy(wasteful)).valid());
        Schedule clean = ScheduleCleaner.clean(wasteful);
        assertEquals(1, ScheduleSummary.of(clean).counts().pageOut());
        assertEquals(ScheduleFixtures.energy(wasteful) - g.pageOutJ(0), ScheduleFixtures.energy(clean), 1e-15);
        ReplayReport after = ReplayChecker.check(clean, ScheduleFixtures.energy(clean));
        assertTrue(after.valid(), after.describe());
    }

    @Test
    void aScheduleWithoutWasteIsReturnedAsItIs() {
        Schedule s = ScheduleBuilder.build(g, b, ScheduleFixtures.linearPagingAndRecompute(g));
        assertSame(s, ScheduleCleaner.clean(s));
    }
}
