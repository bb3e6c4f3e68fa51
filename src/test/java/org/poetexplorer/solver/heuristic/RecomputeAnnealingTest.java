package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;

public class RecomputeAnnealingTest {

    /** A generated graph costed as in the bundled suite, recomputation only at 80 % of its plain peak, and the forward walk's plan. */
    private record Case(TrainingGraph g, Budget b, StagePlan start) {
        static Case of(int n, double width, long seed) {
            TrainingGraph g = GeneratedGraphs.layered(n, width, seed, "m4", 1e-4);
            Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
            return new Case(g, b, ForwardScheduler.schedule(g, b, () -> false).orElseThrow());
        }

        List<StagePlan> anneal(StagePlan from, long seed, int cycles) {
            List<StagePlan> better = new ArrayList<>();
            new RecomputeAnnealing(g, b, seed).run(from, cycles, () -> false, better::add);
            return better;
        }

        double energyJ(StagePlan p) {
            return PlanReplay.of(g, b, p).energyJ();
        }
    }

    /**
     * Every plan handed on passes the replay within the budget (and the runtime budget of the
     * bundled suite, 2x) and costs less than the one before it, and the start.
     */
    @ParameterizedTest
    @CsvSource({"120, 0.43, 1", "100, 0.27, 2"})
    void handsOnOnlyValidCheaperPlans(int n, double width, long seed) {
        Case c = Case.of(n, width, seed);
        double before = c.energyJ(c.start());
        String what = c.g().name() + " " + c.b();
        List<StagePlan> better = c.anneal(c.start(), 1, 2);
        assertFalse(better.isEmpty(), what + ": no cycle lowered the forward walk's plan");
        for (StagePlan p : better) {
            StagePlan tidy = PlanTidy.tidy(c.g(), p);
            PlanReplay replay = PlanReplay.of(c.g(), c.b(), tidy);
            assertTrue(replay.valid(), what + ": " + replay.problem());
            ForwardSchedulerTest.assertPasses(c.g(), c.b(), tidy, what);
            assertTrue(replay.energyJ() < before, what + ": not cheaper than the plan before");
            before = replay.energyJ();
        }
    }

    /**
     * Where the ruin-and-recreate search stops (every plan it reaches from its best in one round
     * costs more), crossing plans over the budget finds a cheaper one: on a generated graph of
     * 100 nodes at 80 %, from 1.305x the plain energy to 1.092x (measured).
     */
    @Test
    void lowersThePlanRuinAndRecreateStopsAt() {
        Case c = Case.of(100, 0.27, 2);
        List<StagePlan> ruined = new ArrayList<>(List.of(c.start()));
        RuinRecreate.Summary s = new RuinRecreate(c.g(), c.b(), 1).run(c.start(), () -> false, ruined::add);
        assertTrue(s.exhausted());
        StagePlan stuck = ruined.get(ruined.size() - 1);
        List<StagePlan> better = c.anneal(stuck, 1, 2);
        assertFalse(better.isEmpty(), "no cycle lowered the plan ruin and recreate stopped at");
        assertTrue(c.energyJ(better.get(better.size() - 1)) < c.energyJ(stuck));
    }

    /**
     * From a plan over the RAM budget (the plain plan, at 80 % of its peak) the annealing run
     * that allows it hands on plans that fit, each cheaper than the one before; the run that
     * needs a plan that fits hands on none.
     */
    @ParameterizedTest
    @CsvSource({"120, 0.43, 1", "100, 0.27, 2"})
    void bringsAPlanOverTheBudgetWithinIt(int n, double width, long seed) {
        Case c = Case.of(n, width, seed);
        StagePlan plain = Plans.plain(c.g());
        String what = c.g().name() + " " + c.b();
        assertFalse(PlanReplay.of(c.g(), c.b(), plain).valid(), what + ": the plain plan fits, no test");
        List<StagePlan> refused = new ArrayList<>();
        RecomputeAnnealing.Summary none = new RecomputeAnnealing(c.g(), c.b(), 1).run(plain, 2, () -> false, refused::add);
        assertTrue(refused.isEmpty() && none.cycles() == 0, what + ": ran from a plan over the budget");
        List<StagePlan> better = new ArrayList<>();
        new RecomputeAnnealing(c.g(), c.b(), 1).runFromOverBudget(plain, 2, () -> false, better::add);
        assertFalse(better.isEmpty(), what + ": no plan within the budget");
        double before = Double.POSITIVE_INFINITY;
        for (StagePlan p : better) {
            StagePlan tidy = PlanTidy.tidy(c.g(), p);
            PlanReplay replay = PlanReplay.of(c.g(), c.b(), tidy);
            assertTrue(replay.valid(), what + ": " + replay.problem());
            ForwardSchedulerTest.assertPasses(c.g(), c.b(), tidy, what);
            assertTrue(replay.energyJ() < before, what + ": not cheaper than the plan before");
            before = replay.energyJ();
        }
    }

    /**
     * A restart from a plan over the budget beside a known schedule ends after the given cycles
     * in a row find nothing cheaper than that schedule, even while it still goes down in its own
     * basin (every plan it hands on fits and is cheaper than the one before): with the plain
     * energy as the known schedule (no plan costs less) it runs exactly that many cycles.
     */
    @Test
    void aRestartBesideAKnownScheduleEndsWhenItDoesNotBeatIt() {
        Case c = Case.of(120, 0.43, 1);
        StagePlan plain = Plans.plain(c.g());
        List<StagePlan> handed = new ArrayList<>();
        RecomputeAnnealing.Summary s = new RecomputeAnnealing(c.g(), c.b(), 1).runFromOverBudget(plain,
                c.g().plainEnergyJ(), 2, () -> false, handed::add);
        assertEquals(2, s.cycles());
        assertTrue(s.exhausted());
        assertFalse(handed.isEmpty(), "no plan within the budget");
        double before = Double.POSITIVE_INFINITY;
        for (StagePlan p : handed) {
            PlanReplay replay = PlanReplay.of(c.g(), c.b(), PlanTidy.tidy(c.g(), p));
            assertTrue(replay.valid(), replay.problem());
            assertTrue(replay.energyJ() < before, "not cheaper than the plan before");
            before = replay.energyJ();
        }
        List<StagePlan> free = new ArrayList<>();
        RecomputeAnnealing.Summary unbounded = new RecomputeAnnealing(c.g(), c.b(), 1).runFromOverBudget(plain, 4,
                () -> false, free::add);
        assertTrue(unbounded.cycles() > 2, "without the known schedule the run ended as soon");
    }

    /**
     * The plan a cycle hands on is written out at its end from the recomputations of its best:
     * after random moves (some rolled back), the best plan kept at some point is the one the
     * state had then, and the one a state evaluated from scratch derives from the same
     * recomputations (same residency and energy); the state itself is left as it was.
     */
    @Test
    void theBestPlanWrittenOutLaterIsTheOneTheStateHadThen() {
        Case c = Case.of(120, 0.43, 1);
        PlanState s = new PlanState(c.g(), c.b(), c.start());
        s.commit();
        s.deriveLocally();
        RecomputeAnnealing.Recomputations noted = new RecomputeAnnealing.Recomputations(s);
        Random random = new Random(5);
        int n = c.g().size();
        for (int phase = 0; phase < 8; phase++) {
            int keepAt = random.nextInt(100);
            StagePlan then = null;
            for (int q = 0; q < 100; q++) {
                int m = s.mark();
                int t = 1 + random.nextInt(n - 1);
                int i = random.nextInt(t);
                boolean add = random.nextInt(4) == 0 || s.dem[t][i];
                if (s.r[t][i] != add) {
                    s.setR(t, i, add);
                    noted.set(t, i, add);
                    s.refresh();
                    if (random.nextInt(3) == 0) {
                        s.rollback(m);
                        noted.undoLast();
                    } else {
                        s.commit();
                    }
                }
                if (q == keepAt) {
                    noted.keepAsBest();
                    then = s.toStagePlan();
                }
            }
            String what = "phase " + phase + ", kept after move " + keepAt;
            long[] peaks = s.peak.clone();
            StagePlan last = s.toStagePlan();
            StagePlan written = noted.bestPlan(s);
            assertSamePlan(then, written, what);
            PlanState fresh = new PlanState(c.g(), c.b(), written);
            assertSamePlan(fresh.toStagePlan(), written, what + ", evaluated from scratch");
            assertEquals(fresh.exactEnergyJ(), PlanReplay.of(c.g(), c.b().withRam(Long.MAX_VALUE / 8)
                    .withRuntimeRatio(100), written).energyJ(), 1e-9 * fresh.exactEnergyJ(), what);
            assertArrayEquals(peaks, s.peak, what + ": the state changed");
            assertSamePlan(last, s.toStagePlan(), what + ": the state changed");
        }
    }

    private static void assertSamePlan(StagePlan expected, StagePlan actual, String what) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            assertArrayEquals(expected.computed(t), actual.computed(t), what + ": stage " + t + " computes");
            assertArrayEquals(expected.kept(t), actual.kept(t), what + ": stage " + t + " keeps");
        }
    }

    /** The same seed gives the same plans (the solve's result does not depend on luck). */
    @Test
    void sameSeedSamePlans() {
        Case c = Case.of(100, 0.36, 3);
        List<StagePlan> first = c.anneal(c.start(), 7, 1);
        List<StagePlan> second = c.anneal(c.start(), 7, 1);
        assertFalse(first.isEmpty(), "the cycle found nothing to compare");
        assertEquals(first.size(), second.size());
        for (int q = 0; q < first.size(); q++) {
            assertEquals(c.energyJ(first.get(q)), c.energyJ(second.get(q)));
        }
    }

    /** Its moves are recomputations only: a budget with paging, or without recomputation, is refused. */
    @Test
    void refusesBudgetsWithPagingOrWithoutRecomputation() {
        TrainingGraph g = GeneratedGraphs.layered(30, 1);
        long ram = Plans.plainPeakBytes(g);
        assertThrows(IllegalArgumentException.class, () -> new RecomputeAnnealing(g, new Budget(ram, 2, true, true), 1));
        assertThrows(IllegalArgumentException.class, () -> new RecomputeAnnealing(g, new Budget(ram, 2, false, false), 1));
    }
}
