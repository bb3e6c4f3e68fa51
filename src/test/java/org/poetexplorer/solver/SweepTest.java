package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.backends.Backends;

/** The trade-off curve a user traces: monotone, every point checked, proofs reused, cancellable. */
class SweepTest {
    private static final TrainingGraph LINEAR = ReferenceData.graph("linear", "m0");
    private static final TrainingGraph VGG = ReferenceData.graph("vgg16_cifar", "a72");

    private static Sweep sweep(TrainingGraph g, double ratio, double secondsPerPoint) {
        return new Sweep(g, new Allowance(ratio, true, true), new SolveOptions(Backends.DEFAULT, secondsPerPoint, 2));
    }

    /** Energies never rise with the budget; every schedule is for its own budget, fits it and replays. */
    private static void assertValidCurve(List<Sweep.Point> points) {
        double previous = Double.POSITIVE_INFINITY;
        long previousBudget = 0;
        for (Sweep.Point p : points) {
            assertTrue(p.ramBudgetBytes() > previousBudget, "increasing budgets");
            previousBudget = p.ramBudgetBytes();
            SolveResult r = p.result();
            assertEquals(p.ramBudgetBytes(), r.budget().ramBytes());
            if (!r.hasSchedule()) {
                continue;
            }
            ScheduleSummary s = ScheduleSummary.of(r.schedule());
            assertEquals(p.ramBudgetBytes(), r.schedule().budget().ramBytes(), "schedule built for its own budget");
            assertTrue(s.peakRamBytes() <= p.ramBudgetBytes(), "peak " + s.peakRamBytes() + " within " + p.ramBudgetBytes());
            assertTrue(ReplayChecker.check(r.schedule(), s.energyJ()).valid(), () -> "replay at " + p.ramBudgetBytes()
                    + ": " + ReplayChecker.check(r.schedule(), s.energyJ()).message());
            assertTrue(s.energyJ() <= previous * (1 + 1e-9), "energy " + s.energyJ() + " at " + p.ramBudgetBytes()
                    + " above " + previous + " at a smaller budget");
            previous = s.energyJ();
        }
    }

    @Test
    void linearCurveIsMonotoneCheckedInfeasibleBelowTheNecessaryMinimumAndOptimalWherePlainFits() {
        long need = Plans.workingSetFloorBytes(LINEAR);
        long plainPeak = Plans.plainPeakBytes(LINEAR);
        List<Long> budgets = new ArrayList<>(new Sweep.Range(need - 200, plainPeak + 200, 8).budgets());
        budgets.add(need - 1);
        budgets.add(need);
        List<Sweep.Point> points = sweep(LINEAR, 1.5, 10).run(budgets, Sweep.Progress.NONE, new CancelToken());

        assertEquals(10, points.size());
        assertValidCurve(points);
        for (Sweep.Point p : points) {
            if (p.ramBudgetBytes() < need) {
                assertEquals(SolveStatus.INFEASIBLE, p.result().status(), "below the necessary " + need);
            }
            if (p.ramBudgetBytes() >= plainPeak) {
                assertEquals(SolveStatus.OPTIMAL, p.result().status());
                assertEquals(LINEAR.plainEnergyJ(), ScheduleSummary.of(p.result().schedule()).energyJ(),
                        1e-9 * LINEAR.plainEnergyJ());
            }
        }
        assertTrue(points.stream().filter(p -> p.ramBudgetBytes() >= need).allMatch(Sweep.Point::hasSchedule),
                "linear has a schedule at the necessary minimum and above");
    }

    @Test
    void aLargerBudgetsProofsAnswerSmallerBudgetsWithoutASolve() {
        long plainPeak = Plans.plainPeakBytes(LINEAR);
        long need = Plans.workingSetFloorBytes(LINEAR);
        List<Sweep.Point> optimal = sweep(LINEAR, 1.5, 10).run(List.of(plainPeak, plainPeak + 500),
                Sweep.Progress.NONE, new CancelToken());
        assertEquals(Sweep.Source.LARGER_BUDGET, optimal.get(0).source(), "the plain schedule peaks at this budget");
        assertEquals(SolveStatus.OPTIMAL, optimal.get(0).result().status());
        assertValidCurve(optimal);

        List<Sweep.Point> infeasible = sweep(LINEAR, 1.5, 10).run(List.of(need - 50, need - 1), Sweep.Progress.NONE,
                new CancelToken());
        assertEquals(Sweep.Source.SOLVER, infeasible.get(1).source());
        assertEquals(Sweep.Source.LARGER_BUDGET, infeasible.get(0).source());
        assertEquals(SolveStatus.INFEASIBLE, infeasible.get(0).result().status());
    }

    @Test
    void vggCurveOnA72IsMonotoneAndChecked() {
        List<Long> budgets = new Sweep.Range(1_200_000, 3_000_000, 4).budgets();
        List<Integer> done = new ArrayList<>();
        List<Sweep.Point> points = sweep(VGG, 1.5, 2).run(budgets, (d, total, p) -> {
            assertEquals(4, total);
            done.add(d);
        }, new CancelToken());
        assertEquals(List.of(1, 2, 3, 4), done, "one progress call per point");
        assertEquals(4, points.size());
        assertTrue(points.stream().allMatch(Sweep.Point::hasSchedule), "vgg16_cifar fits 1.2 MB at 1.5x");
        assertValidCurve(points);
    }

    @Test
    void cancellingStopsTheSweepAndLeavesTheRestUnsolved() {
        CancelToken cancel = new CancelToken();
        List<Long> budgets = new Sweep.Range(1_200_000, Plans.plainPeakBytes(VGG), 5).budgets();
        List<Sweep.Point> points = sweep(VGG, 1.5, 30).run(budgets, (d, total, p) -> cancel.cancel(), cancel);
        assertEquals(5, points.size());
        assertEquals(Sweep.Source.SOLVER, points.get(4).source(), "the largest budget is solved first");
        assertEquals(SolveStatus.OPTIMAL, points.get(4).result().status());
        for (int i = 0; i < 4; i++) {
            assertEquals(Sweep.Source.CANCELLED, points.get(i).source());
            assertEquals(SolveStatus.UNKNOWN, points.get(i).result().status());
            assertFalse(points.get(i).hasSchedule());
        }
    }

    @Test
    void cancellingDuringAPointEndsTheSweepWithoutTheRemainingBudgets() throws Exception {
        CancelToken cancel = new CancelToken();
        List<Sweep.Point> done = new ArrayList<>();
        // The per-point limit only bounds the wait should a backend miss the interrupt.
        Thread t = new Thread(() -> done.addAll(sweep(VGG, 1.5, 30).run(List.of(1_200_000L, 1_300_000L),
                Sweep.Progress.NONE, cancel)));
        t.start();
        Thread.sleep(300);
        cancel.cancel();
        t.join(120_000);
        assertFalse(t.isAlive(), "the sweep ends after a cancel");
        assertEquals(2, done.size());
        assertEquals(Sweep.Source.CANCELLED, done.get(0).source(), "the smaller budget is not solved after the cancel");
        assertValidCurve(done);
    }

    @Test
    void rangesAreEvenlySpacedAndBadOnesAreRefused() {
        assertEquals(List.of(1000L, 1500L, 2000L), new Sweep.Range(1000, 2000, 3).budgets());
        assertThrows(IllegalArgumentException.class, () -> new Sweep.Range(2000, 1000, 3));
        assertThrows(IllegalArgumentException.class, () -> new Sweep.Range(1000, 2000, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sweep.Range(0, 2000, 3));
        assertThrows(IllegalArgumentException.class, () -> new Sweep.Range(1000, 1002, 5));
    }
}
