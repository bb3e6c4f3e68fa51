package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.SectionFourCheck;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.HeuristicPlan;
import org.poetexplorer.solver.phases.CoverProgram;

/** The exact cover bound: never above a valid schedule, and it proves the resnet18_cifar case. */
class CoverProgramTest {
    private static final TrainingGraph RESNET = ReferenceData.graph("resnet18_cifar", "a72");
    private static final TrainingGraph VGG = ReferenceData.graph("vgg16_cifar", "a72");

    @Test
    void resnet18CifarAt1point5MbAnd1point5xIsProvenOptimalBelowTheFormerIncumbent() {
        Budget b = new Budget(1_500_000, 1.5, true, true);
        SolveResult r = PoetSolver.solve(RESNET, b, new SolveOptions(Backends.DEFAULT, 60, 2), null, null);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r.message());
        double energy = ScheduleSummary.of(r.schedule()).energyJ();
        // 7.896337682 J was the best schedule SCIP found on the stage model in 120 s
        assertTrue(energy < 7.8963, "energy " + energy);
        assertTrue(r.lowerBoundJ() <= energy);
        assertTrue(ReplayChecker.check(r.schedule(), energy).valid());
        assertEquals(null, SectionFourCheck.violation(RESNET, b, r.plan()));
    }

    @Test
    void theBoundNeverExceedsAValidScheduleAndItsPlanIsValidWhenKept() {
        for (TrainingGraph g : new TrainingGraph[] {RESNET, VGG}) {
            long peak = Plans.plainPeakBytes(g);
            for (double fraction : new double[] {0.5, 0.7, 0.9}) {
                for (boolean paging : new boolean[] {true, false}) {
                    Budget b = new Budget((long) (fraction * peak), 1.2, paging, true);
                    CoverProgram cover = CoverProgram.build(g, b);
                    assertNotNull(cover);
                    BackendOutcome out = Backends.byName("scip").solve(cover.lp(), null, Deadline.in(30), 1,
                            new CancelToken(), x -> { });
                    assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
                    double bound = cover.energyBoundJ(out.bound());
                    HeuristicPlan fast = new FastScheduler().schedule(g, b).orElse(null);
                    if (fast != null) {
                        assertTrue(bound <= fast.energyJ(), g.name() + " " + b + ": bound " + bound
                                + " above a valid schedule's " + fast.energyJ());
                    }
                    Verifier.Outcome built = new Verifier(g, b).verify(cover.plan(out.x()));
                    if (built.verified() != null) {
                        assertTrue(bound <= built.verified().energyJ());
                        assertEquals(null, SectionFourCheck.violation(g, b, built.verified().plan()));
                    }
                }
            }
        }
    }
}
