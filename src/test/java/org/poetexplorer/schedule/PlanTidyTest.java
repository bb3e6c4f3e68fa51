package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.HeuristicPlan;

class PlanTidyTest {
    private final TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
    private final Budget b = ScheduleFixtures.roomy();

    @Test
    void aFreeRecomputeOfTheInputAlreadyInRamIsLeftOutAndTheScheduleBecomesValid() {
        // the input is in RAM in stage 5: this "recompute" costs 0 J and does nothing
        StagePlan wasteful = Plans.plainBuilder(g).setR(5, 0, true).build();
        ReplayReport before = ReplayChecker.check(PlanReplay.schedule(g, b, wasteful), g.plainEnergyJ());
        assertEquals(ReplayChecker.COMPUTE_OF_OUTPUT_IN_RAM, before.rule(), before.describe());

        PlanReplay tidied = PlanReplay.of(g, b, PlanTidy.tidy(g, wasteful));
        assertTrue(tidied.valid(), tidied.problem());
        assertEquals(0, ScheduleSummary.of(tidied.schedule()).counts().recompute());
        assertEquals(PlanReplay.schedule(g, b, Plans.plain(g)).ops(), tidied.schedule().ops());
    }

    @Test
    void aRecomputeNobodyUsesBeforeItIsFreedIsLeftOutWithTheStagesItWasKept() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        // keep the input in RAM throughout (no paging), so node 1 can be recomputed in stage 10 for nothing;
        // it is kept into stage 11 and freed there unread
        StagePlan.Builder plan = StagePlan.builder(g.size());
        for (int t = 0; t < g.size(); t++) {
            for (int i : hand.computed(t)) {
                plan.setR(t, i, true);
            }
            for (int i : hand.kept(t)) {
                plan.setSRam(t, i, true);
            }
        }
        StagePlan useful = plan.keep(0, 1, 26, true).build();
        StagePlan wasteful = useful.toBuilder().setR(10, 1, true).setSRam(11, 1, true).build();
        PlanReplay before = PlanReplay.of(g, b, wasteful);
        assertTrue(before.valid(), before.problem());
        ScheduleFixtures.indexOf(before.schedule(), 10, OpKind.RECOMPUTE, 1);

        PlanReplay after = PlanReplay.of(g, b, PlanTidy.tidy(g, wasteful));
        assertEquals(PlanReplay.schedule(g, b, useful).ops(), after.schedule().ops());
        assertEquals(before.energyJ() - g.computeJ(1), after.energyJ(), 1e-15);
        assertEquals(1, ScheduleSummary.of(after.schedule()).counts().recompute(), "the useful recompute in stage 25 stays");
        assertTrue(ReplayChecker.check(after.schedule(), after.energyJ()).valid());
    }

    @Test
    void pagingNobodyReadsIsLeftOut() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        StagePlan wasteful = hand.toBuilder()
                .setMOut(10, 3, true).store(3, 11, 26, true) // never paged back in
                .setMIn(12, 0, true).setSRam(13, 0, true) // paged in at the end of stage 12 and freed in stage 13 unused
                .build();
        PlanReplay before = PlanReplay.of(g, b, wasteful);
        assertTrue(before.valid(), before.problem());
        ScheduleFixtures.indexOf(before.schedule(), 12, OpKind.PAGE_IN, 0);

        StagePlan tidied = PlanTidy.tidy(g, wasteful);
        assertEquals(PlanReplay.schedule(g, b, hand).ops(), PlanReplay.schedule(g, b, tidied).ops());
        assertEquals(ScheduleFixtures.LINEAR_M0_PLAIN_J + ScheduleFixtures.LINEAR_M0_EXTRA_J,
                PlanReplay.of(g, b, tidied).energyJ(), 1e-15);
        for (int t = 0; t < g.size(); t++) {
            assertEquals(hand.sSd(t, 0), tidied.sSd(t, 0), "storage is what the page-out wrote, stage " + t);
            assertTrue(!tidied.sSd(t, 3), "nothing of node 3 on storage");
        }
    }

    @Test
    void aSecondPageOutOfAnOutputAlreadyOnStorageIsLeftOut() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        // keep the input in RAM into stage 2 and page it out a second time there
        StagePlan wasteful = hand.toBuilder().setSRam(2, 0, true).setMOut(2, 0, true).build();
        PlanReplay before = PlanReplay.of(g, b, wasteful);
        assertTrue(before.valid(), before.problem());
        PlanReplay after = PlanReplay.of(g, b, PlanTidy.tidy(g, wasteful));
        assertEquals(1, ScheduleSummary.of(after.schedule()).counts().pageOut());
        assertEquals(before.energyJ() - g.pageOutJ(0), after.energyJ(), 1e-15);
        assertEquals(PlanReplay.schedule(g, b, hand).ops(), after.schedule().ops(), "kept into stage 2 for nothing");
    }

    @Test
    void aPlanWithoutWasteIsLeftAsItIs() {
        StagePlan hand = ScheduleFixtures.linearPagingAndRecompute(g);
        assertSamePlan(hand, PlanTidy.tidy(g, hand));
        assertSamePlan(Plans.plain(g), PlanTidy.tidy(g, Plans.plain(g)));
    }

    /**
     * Waste added at random to the fast scheduler's plans (recomputations nobody reads, page-outs
     * nobody reads back, page-ins nobody uses, outputs kept after their last use) is all left
     * out: the tidied plan costs what the plan without waste costs, takes no more RAM, stays
     * valid, and has nothing left to tidy.
     */
    @Test
    void randomWasteIsAllLeftOutAndTheRestKept() {
        Random random = new Random(11);
        int tried = 0;
        for (String[] nd : new String[][] {{"linear", "m4"}, {"resnet18_cifar", "a72"}, {"transformer", "m4"}}) {
            String network = nd[0] + "__" + nd[1];
            TrainingGraph net = ReferenceData.graph(nd[0], nd[1]);
            for (double fraction : new double[] {0.7, 0.45}) {
                for (int sw = 0; sw < 3; sw++) {
                    Budget budget = new Budget((long) (fraction * Plans.plainPeakBytes(net)), 1.5, sw != 1, sw != 2);
                    Optional<HeuristicPlan> found = new FastScheduler().schedule(net, budget);
                    if (found.isEmpty()) {
                        continue;
                    }
                    StagePlan clean = found.get().plan();
                    PlanReplay cleanReplay = PlanReplay.of(net, budget, clean);
                    assertSamePlan(clean, PlanTidy.tidy(net, clean));
                    Budget roomy = budget.withRam(Long.MAX_VALUE / 8).withRuntimeRatio(50);
                    for (int k = 0; k < 15; k++) {
                        StagePlan wasteful = addWaste(net, budget, clean, random);
                        StagePlan tidied = PlanTidy.tidy(net, wasteful);
                        PlanReplay replay = PlanReplay.of(net, budget, tidied);
                        String what = network + " " + budget + " #" + k;
                        assertTrue(replay.valid(), what + ": " + replay.problem());
                        assertEquals(cleanReplay.energyJ(), replay.energyJ(), 1e-12 * cleanReplay.energyJ(), what);
                        assertTrue(replay.peakRamBytes() <= PlanReplay.of(net, roomy, wasteful).peakRamBytes(), what);
                        assertSamePlan(tidied, PlanTidy.tidy(net, tidied));
                        tried++;
                    }
                }
            }
        }
        assertTrue(tried > 100, "plans tried: " + tried);
    }

    /** Waste on a valid plan that changes nothing it computes. */
    private static StagePlan addWaste(TrainingGraph g, Budget b, StagePlan p, Random random) {
        StagePlan.Builder w = p.toBuilder();
        int n = g.size();
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
            int t = 1 + random.nextInt(n - 1);
            int i = random.nextInt(t);
            switch (random.nextInt(4)) {
                case 0: // recompute i in stage t and keep it a stage or two, read by nobody
                    if (b.remat() && !w.sRam(t, i) && !w.r(t, i) && !readIn(g, w, t, i) && inputsAtHand(g, w, t, i)) {
                        w.setR(t, i, true);
                        for (int s = t + 1; s <= Math.min(n - 1, t + random.nextInt(3)) && unused(g, w, s, i); s++) {
                            w.setSRam(s, i, true);
                        }
                    }
                    break;
                case 1: // page out what is in RAM
                    if (b.paging() && w.sRam(t, i)) {
                        w.setMOut(t, i, true);
                    }
                    break;
                case 2: // page in what is on storage, freed in the next stage unread
                    if (b.paging() && t + 1 < n && w.sSd(t, i) && !w.sRam(t, i) && !w.r(t, i)
                            && unused(g, w, t + 1, i)) {
                        w.setMIn(t, i, true).setSRam(t + 1, i, true);
                    }
                    break;
                default: // keep an output one stage after its last use
                    if (w.sRam(t, i) && t + 1 < n && unused(g, w, t + 1, i) && !w.mIn(t, i)) {
                        w.setSRam(t + 1, i, true);
                    }
                    break;
            }
        }
        return w.build();
    }

    /** Nothing touches i in stage s: not kept, computed, read, paged. */
    private static boolean unused(TrainingGraph g, StagePlan.Builder w, int s, int i) {
        return !w.sRam(s, i) && !w.r(s, i) && !readIn(g, w, s, i) && !w.mOut(s, i) && !w.mIn(s, i)
                && (s + 1 >= w.size() || !w.sRam(s + 1, i));
    }

    private static boolean inputsAtHand(TrainingGraph g, StagePlan.Builder w, int t, int i) {
        for (int d : g.deps(i)) {
            if (!w.sRam(t, d) && !w.r(t, d)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readIn(TrainingGraph g, StagePlan.Builder w, int t, int i) {
        for (int j : g.succs(i)) {
            if (j <= t && w.r(t, j)) {
                return true;
            }
        }
        return false;
    }

    private static void assertSamePlan(StagePlan expected, StagePlan actual) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            assertArrayEquals(expected.computed(t), actual.computed(t), "computed in stage " + t);
            assertArrayEquals(expected.kept(t), actual.kept(t), "kept in stage " + t);
            assertArrayEquals(expected.stored(t), actual.stored(t), "stored in stage " + t);
            assertArrayEquals(expected.pageIns(t), actual.pageIns(t), "paged in in stage " + t);
            assertArrayEquals(expected.pageOuts(t), actual.pageOuts(t), "paged out in stage " + t);
        }
    }
}
