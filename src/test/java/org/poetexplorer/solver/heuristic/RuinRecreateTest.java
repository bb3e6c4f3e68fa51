package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;

public class RuinRecreateTest {

    private static List<StagePlan> search(TrainingGraph g, Budget b, StagePlan start, long seed, int rounds) {
        List<StagePlan> better = new ArrayList<>();
        new RuinRecreate(g, b, seed).run(start, rounds, () -> false, better::add);
        return better;
    }

    /**
     * Generated graphs costed as in the bundled suite, recomputation only and with paging, at 80 %
     * of the plain peak, from the forward walk's plan: every plan handed on passes the replay
     * within the budget and costs less than the one before it, and the start.
     */
    @ParameterizedTest
    @CsvSource({"120, 0.43, 1, false", "120, 0.36, 2, false", "120, 0.43, 1, true"})
    void handsOnOnlyValidCheaperPlans(int n, double width, long seed, boolean paging) {
        TrainingGraph g = GeneratedGraphs.layered(n, width, seed, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, paging, true);
        StagePlan start = ForwardScheduler.schedule(g, b, () -> false).orElseThrow();
        double before = PlanReplay.of(g, b, start).energyJ();
        List<StagePlan> better = search(g, b, start, 1, 40);
        for (StagePlan p : better) {
            String what = g.name() + " " + b;
            PlanReplay replay = PlanReplay.of(g, b, PlanTidy.tidy(g, p));
            assertTrue(replay.valid(), what + ": " + replay.problem());
            ForwardSchedulerTest.assertPasses(g, b, PlanTidy.tidy(g, p), what);
            assertTrue(replay.energyJ() < before, what + ": not cheaper than the plan before");
            before = replay.energyJ();
        }
    }

    /**
     * The forward walk's plan as it is leaves room that moving several outputs' recomputations at
     * once finds: on a graph of the bundled suite's shape the search lowers it.
     */
    @Test
    void lowersTheForwardWalksPlan() {
        TrainingGraph g = GeneratedGraphs.layered(150, 0.43, 1, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        StagePlan start = ForwardScheduler.schedule(g, b, () -> false).orElseThrow();
        List<StagePlan> better = search(g, b, start, 1, 20);
        assertTrue(!better.isEmpty(), "no round improved the forward walk's plan");
    }

    /** The same seed gives the same plans (the solve's result does not depend on luck). */
    @Test
    void sameSeedSamePlans() {
        TrainingGraph g = GeneratedGraphs.layered(100, 0.36, 3, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        StagePlan start = ForwardScheduler.schedule(g, b, () -> false).orElseThrow();
        List<StagePlan> first = search(g, b, start, 7, 15);
        List<StagePlan> second = search(g, b, start, 7, 15);
        assertEquals(first.size(), second.size());
        for (int q = 0; q < first.size(); q++) {
            assertEquals(PlanReplay.of(g, b, first.get(q)).energyJ(), PlanReplay.of(g, b, second.get(q)).energyJ());
        }
    }
}
