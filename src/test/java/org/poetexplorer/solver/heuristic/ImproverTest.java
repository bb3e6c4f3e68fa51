package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;

/** The improver's moves that keep an output over a stretch instead of recomputing it. */
class ImproverTest {
    /**
     * The recomputations (stage, node) of the plan the annealing stopped at on the generated
     * 100-node graph of seed 2 at 80 % of its plain peak, recomputation only, 2x runtime: 1.09195x
     * the plain energy, the same after 400 s of solving.
     */
    private static final int[][] STUCK = {{1, 0}, {2, 0}, {4, 0}, {44, 0}, {86, 0}, {86, 4}, {86, 5}, {86, 11},
        {86, 12}, {86, 13}, {86, 14}, {86, 18}, {86, 72}, {83, 74}, {87, 82}, {90, 71}};

    /**
     * From that plan, keeping output 12 from its last read to stage 86 instead of recomputing it
     * there, and making room on that stretch by other means, gives a valid plan of 1.08270x the
     * plain energy (measured), which none of the annealing's cycles reached.
     */
    @Test
    void keepingAnOutputOverAStretchLowersThePlanTheAnnealingStoppedAt() {
        TrainingGraph g = GeneratedGraphs.layered(100, 0.27, 2, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        PlanState s = new PlanState(g, b, stuckPlan(g));
        s.commit();
        assertTrue(s.feasible(), "the plan the annealing stopped at no longer fits");
        assertEquals(1.09195, s.exactEnergyJ() / g.plainEnergyJ(), 1e-5);

        assertTrue(Improver.keepInsteadOfRecomputing(s, () -> false), "no move kept");
        assertFalse(s.r[86][12], "output 12 is still recomputed in stage 86");
        StagePlan kept = PlanTidy.tidy(g, s.toStagePlan());
        PlanReplay replay = PlanReplay.of(g, b, kept);
        assertTrue(replay.valid(), replay.problem());
        ForwardSchedulerTest.assertPasses(g, b, kept, g.name());
        assertTrue(replay.energyJ() <= 1.08271 * g.plainEnergyJ(), replay.energyJ() / g.plainEnergyJ() + "x");
    }

    /**
     * Undoing a recomputation undoes those in its stage that nothing reads any more, down the
     * inputs, and no other: in stage 86, 18 reads 11 to 14, they read 4 and 5 (and 6, kept), those
     * read 0, and nothing else recomputed there (72) reads any of them: undoing 18 leaves 72 alone.
     */
    @Test
    void undoingARecomputationUndoesThoseInItsStageThatNothingReadsAnyMore() {
        TrainingGraph g = GeneratedGraphs.layered(100, 0.27, 2, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        PlanState s = new PlanState(g, b, stuckPlan(g));
        s.commit();
        s.undoRecomputation(86, 18);
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < 86; i++) {
            if (s.r[86][i]) {
                left.add(i);
            }
        }
        assertEquals(List.of(72), left);
        for (int[] r : STUCK) {
            assertEquals(r[0] != 86 || r[1] == 72, s.r[r[0]][r[1]], "recomputation of " + r[1] + " in stage " + r[0]);
        }
    }

    private static StagePlan stuckPlan(TrainingGraph g) {
        StagePlan.Builder stuck = Plans.plainBuilder(g);
        for (int[] r : STUCK) {
            stuck.setR(r[0], r[1], true);
        }
        return stuck.build();
    }
}
