package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.SectionFourCheck;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.phases.InfeasibilityProofs;

/** What a user of the solver relies on besides the reference cases: proofs, limits, cancel, streaming. */
class PoetSolverBehaviourTest {
    private static final TrainingGraph VGG = ReferenceData.graph("vgg16_cifar", "a72");
    private static final TrainingGraph LINEAR = ReferenceData.graph("linear", "m0");
    private static final Budget HARD = new Budget(1_500_000, 1.5, true, true);
    /** BERT-base on a72 at 60 % of its plain peak RAM (measured: proven by the exact cover bound in about 1 s). */
    private static final TrainingGraph BERT = ReferenceData.graph("bert", "a72");
    private static final Budget BERT_60 = new Budget(
            (long) (0.6 * Plans.plainPeakBytes(BERT)), 1.5, true, true);

    /**
     * A long solve: vgg16_cifar on a72 at half its plain peak RAM, 1.2x (measured: the bounds
     * leave a gap of about 6e-6 after 20 s).
     */
    private static final Budget VGG_LONG = new Budget(
            (long) (0.5 * Plans.plainPeakBytes(VGG)), 1.2, true, true);

    private static SolveResult solve(TrainingGraph g, Budget b, double seconds, SolveListener l, CancelToken c) {
        return PoetSolver.solve(g, b, new SolveOptions(Backends.DEFAULT, seconds, 2), l, c);
    }

    @Test
    void aBudgetWhereThePlainScheduleFitsIsOptimalAtPlainEnergyWithoutAMilp() {
        long plainPeak = Plans.plainPeakBytes(VGG);
        SolveResult r = solve(VGG, HARD.withRam(plainPeak).withRuntimeRatio(1.0), 0, null, null);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r.message());
        assertTrue(r.gap() <= 1e-12, "gap " + r.gap());
        assertEquals(VGG.plainEnergyJ(), ScheduleSummary.of(r.schedule()).energyJ(), 1e-9 * VGG.plainEnergyJ());
        assertTrue(ReplayChecker.check(r.schedule(), ScheduleSummary.of(r.schedule()).energyJ()).valid());
    }

    @Test
    void aBudgetBelowTheLargestWorkingSetIsInfeasibleAndOneByteMoreIsNotRefusedForIt() {
        long need = Plans.workingSetFloorBytes(LINEAR);
        SolveResult below = solve(LINEAR, new Budget(need - 1, 2.0, true, true), 0, null, null);
        assertEquals(SolveStatus.INFEASIBLE, below.status());
        assertTrue(below.message().contains(Long.toString(need)), below.message());
        assertNull(InfeasibilityProofs.reason(LINEAR, new Budget(need, 2.0, true, true)));
    }

    @Test
    void aRuntimeBudgetBelowOnePlainStepIsInfeasible() {
        SolveResult r = solve(LINEAR, new Budget(1_000_000, 0.99, true, true), 0, null, null);
        assertEquals(SolveStatus.INFEASIBLE, r.status());
        assertEquals(SolveStatus.OPTIMAL, solve(LINEAR, new Budget(1_000_000, 1.0, true, true), 0, null, null).status());
    }

    @Test
    void withoutPagingAndRecomputationABudgetBelowThePlainPeakIsInfeasible() {
        long plainPeak = Plans.plainPeakBytes(LINEAR);
        assertEquals(SolveStatus.INFEASIBLE, solve(LINEAR, new Budget(plainPeak - 1, 3.0, false, false), 0, null, null).status());
        assertEquals(SolveStatus.OPTIMAL, solve(LINEAR, new Budget(plainPeak, 3.0, false, false), 0, null, null).status());
    }

    @Test
    void aGapToleranceEndsALongSearchFeasibleWithItsGapNeverOptimal() {
        double tolerance = 1e-3;
        SolveResult r = PoetSolver.solve(VGG, VGG_LONG, new SolveOptions(Backends.DEFAULT, 60, 2, tolerance), null,
                null);
        assertEquals(SolveStatus.FEASIBLE, r.status(), r.message());
        assertTrue(r.gap() <= tolerance, "gap " + r.gap());
        assertTrue(r.gap() > PoetSolver.OPTIMAL_TOLERANCE, "not proven optimal, so not OPTIMAL: gap " + r.gap());
        assertTrue(r.message().contains("gap tolerance"), r.message());
        assertTrue(ReplayChecker.check(r.schedule(), ScheduleSummary.of(r.schedule()).energyJ()).valid());
        assertThrows(IllegalArgumentException.class, () -> new SolveOptions(Backends.DEFAULT, 60, 2, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new SolveOptions(Backends.DEFAULT, 60, 2, -0.01));
    }

    @Test
    void aTimeLimitEndsWithTheBestScheduleAndItsGapOrWithNothing() {
        SolveResult r = solve(BERT, BERT_60, 3, null, null);
        assertTrue(r.status() == SolveStatus.FEASIBLE || r.status() == SolveStatus.UNKNOWN
                || r.status() == SolveStatus.OPTIMAL, r.status() + " " + r.message());
        if (r.status() == SolveStatus.FEASIBLE) {
            assertNotNull(r.schedule());
            assertTrue(r.gap() >= 0 && r.gap() < 1, "gap " + r.gap());
            assertTrue(r.lowerBoundJ() <= ScheduleSummary.of(r.schedule()).energyJ());
            assertNull(SectionFourCheck.violation(BERT, BERT_60, r.plan()));
        } else if (r.status() == SolveStatus.UNKNOWN) {
            assertNull(r.schedule());
        }
    }

    @Test
    void aCancelFromAnotherThreadEndsALongSolve() throws Exception {
        CancelToken cancel = new CancelToken();
        CountDownLatch solving = new CountDownLatch(1);
        SolveListener listener = new SolveListener() {
            @Override
            public void onProgress(String phase, Double lowerBoundJ) {
                if (phase.startsWith("solving")) {
                    solving.countDown();
                }
            }
        };
        CompletableFuture<SolveResult> run = CompletableFuture.supplyAsync(() -> solve(VGG, VGG_LONG, 0, listener, cancel));
        assertTrue(solving.await(120, TimeUnit.SECONDS), "the solve never reached its search phase");
        cancel.cancel();
        SolveResult r = run.get(120, TimeUnit.SECONDS);
        assertTrue(r.status() == SolveStatus.FEASIBLE || r.status() == SolveStatus.UNKNOWN, r.status().toString());
        assertTrue(r.message().contains("cancelled"), r.message());
    }

    @Test
    void everyStreamedIncumbentIsAValidScheduleAndEachIsCheaperThanTheLast() {
        List<SolveResult> seen = new ArrayList<>();
        SolveListener listener = new SolveListener() {
            @Override
            public void onIncumbent(SolveResult incumbent) {
                seen.add(incumbent);
            }
        };
        Budget b = ReferenceData.byId("transformer-m4").budget();
        TrainingGraph g = ReferenceData.byId("transformer-m4").graph();
        SolveResult r = PoetSolver.solve(g, b, new SolveOptions("cpsat", 60, 2), listener, null);
        assertTrue(seen.size() >= 2, "incumbents: " + seen.size());
        double last = Double.POSITIVE_INFINITY;
        for (SolveResult s : seen) {
            double e = ScheduleSummary.of(s.schedule()).energyJ();
            assertTrue(ReplayChecker.check(s.schedule(), e).valid());
            assertTrue(e <= last, "an incumbent got more expensive: " + e + " after " + last);
            last = e;
        }
        assertEquals(ScheduleSummary.of(r.schedule()).energyJ(), last, 0.0);
    }

    @Test
    void backendsAreNamedAndAnUnknownNameListsTheKnownOnes() {
        assertTrue(Backends.names().containsAll(List.of("highs", "scip", "cpsat")));
        assertTrue(Backends.names().contains(Backends.DEFAULT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoetSolver.solve(LINEAR, new Budget(3500, 1.2, true, true), new SolveOptions("cbc", 0, 1), null, null));
        assertTrue(e.getMessage().contains("cbc") && e.getMessage().contains("highs, scip, cpsat"), e.getMessage());
    }
}
